using System.Text;
using System.Text.RegularExpressions;

namespace Intelligence.Analytics;

/// <summary>
/// Turns parameter values into the text ClickHouse binds to <c>{name:Type}</c> placeholders.
/// ClickHouse reads a bound value in its TSV "escaped" form (the same on the HTTP interface and in
/// chDB): a raw backslash, tab or newline would be misread or refused. So scalar values are given
/// verbatim by callers and escaped here; values of Array, Tuple and Map placeholders are ClickHouse
/// literals such as <c>['A','B']</c> and pass unchanged, since their inner strings carry their own quoting.
/// </summary>
public static partial class QueryParameters
{
    /// <summary>The values of <paramref name="parameters"/> as the engine must receive them for <paramref name="sql"/>.</summary>
    public static Dictionary<string, string> ForBinding(string sql, IReadOnlyDictionary<string, string> parameters)
    {
        var literalTyped = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match placeholder in Placeholder().Matches(sql))
        {
            if (CompositeType().IsMatch(placeholder.Groups["type"].Value))
            {
                literalTyped.Add(placeholder.Groups["name"].Value);
            }
        }

        return parameters.ToDictionary(
            p => p.Key,
            p => literalTyped.Contains(p.Key) ? p.Value : Escape(p.Value),
            StringComparer.Ordinal);
    }

    /// <summary>Escapes a scalar value for ClickHouse's escaped text form.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\t\n\r\0") < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\t' => escaped.Append(@"\t"),
                '\n' => escaped.Append(@"\n"),
                '\r' => escaped.Append(@"\r"),
                '\0' => escaped.Append(@"\0"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?<type>[^{}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*(Array|Tuple|Map|Nested)\s*\(")]
    private static partial Regex CompositeType();
}
