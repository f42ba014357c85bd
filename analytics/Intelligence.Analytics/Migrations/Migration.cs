using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Intelligence.Analytics.Migrations;

/// <summary>
/// One versioned schema change, read from a file named <c>NNNN_name.sql</c>. The SQL names the
/// target database as <c>{db}</c>; statements end with <c>;</c> at the end of a line.
/// </summary>
public sealed partial record Migration(uint Version, string Name, string Sql, string Checksum)
{
    public const string DatabasePlaceholder = "{db}";

    public string FileName => $"{Version:D4}_{Name}.sql";

    /// <summary>Reads a migration from its file name and raw bytes; the checksum is SHA-256 of those bytes.</summary>
    public static Migration FromFile(string fileName, ReadOnlySpan<byte> content)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new ArgumentException($"Migration file '{fileName}' must be named NNNN_name.sql (lower case name).", nameof(fileName));
        }

        var version = uint.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(content));
        return new Migration(version, match.Groups["name"].Value, Encoding.UTF8.GetString(content), checksum);
    }

    /// <summary>The statements to run against <paramref name="database"/>, in file order.</summary>
    public IReadOnlyList<string> StatementsFor(string database)
    {
        SqlNames.RequireIdentifier(database, "database name");
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in Sql.ReplaceLineEndings("\n").Split('\n'))
        {
            // Whole-line comments are dropped so a comment ending in ';' cannot split a statement
            // and a trailing comment does not become an empty statement, which ClickHouse rejects.
            if (line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            current.Append(line).Append('\n');
            if (line.TrimEnd().EndsWith(';'))
            {
                Add(statements, current, database);
            }
        }

        Add(statements, current, database);
        return statements;
    }

    private static void Add(List<string> statements, StringBuilder current, string database)
    {
        var statement = current.ToString().Trim().TrimEnd(';').Trim();
        current.Clear();
        if (statement.Length > 0)
        {
            statements.Add(statement.Replace(DatabasePlaceholder, database, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql\z")]
    private static partial Regex FileNamePattern();
}
