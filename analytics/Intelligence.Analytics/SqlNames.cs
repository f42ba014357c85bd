using System.Text.RegularExpressions;

namespace Intelligence.Analytics;

/// <summary>
/// Names and tokens that must be written into SQL text (identifiers cannot be bound as
/// parameters). Anything outside these shapes is refused rather than quoted.
/// </summary>
public static partial class SqlNames
{
    /// <summary>Returns <paramref name="name"/> if it is a plain identifier, else throws.</summary>
    public static string RequireIdentifier(string name, string what = "identifier")
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid {what}: use letters, digits and '_', starting with a letter or '_', at most 63 characters.",
                nameof(name));
        }

        return name;
    }

    /// <summary>Returns <paramref name="table"/> if it is "table" or "database.table" of identifiers.</summary>
    public static string RequireTable(string table)
    {
        var parts = table.Split('.');
        if (parts.Length > 2)
        {
            throw new ArgumentException($"'{table}' is not a valid table name: expected 'table' or 'database.table'.", nameof(table));
        }

        foreach (var part in parts)
        {
            RequireIdentifier(part, "table name part");
        }

        return table;
    }

    /// <summary>Returns <paramref name="token"/> if it is a safe insert deduplication token, else throws.</summary>
    public static string RequireDeduplicationToken(string token)
    {
        if (!DeduplicationToken().IsMatch(token))
        {
            throw new ArgumentException(
                $"'{token}' is not a valid deduplication token: use 1 to 128 of A-Z a-z 0-9 : . _ -.",
                nameof(token));
        }

        return token;
    }

    // \z, not $: in .NET "$" also matches before a trailing newline, which must not reach SQL text.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,62}\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z0-9:._-]{1,128}\z")]
    private static partial Regex DeduplicationToken();
}
