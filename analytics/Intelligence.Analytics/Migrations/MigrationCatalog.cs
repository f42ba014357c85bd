using System.Text.RegularExpressions;

namespace Intelligence.Analytics.Migrations;

/// <summary>The migrations shipped in this assembly as embedded resources under Migrations/.</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "Migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> Shipped = new(Load);

    private static readonly Lazy<IReadOnlySet<string>> ShippedTables = new(() =>
        All.SelectMany(m => CreateTable().Matches(m.Sql)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>All shipped migrations, ordered by version.</summary>
    public static IReadOnlyList<Migration> All => Shipped.Value;

    /// <summary>The tables (not views) the shipped migrations create, by name without the database.</summary>
    public static IReadOnlySet<string> Tables => ShippedTables.Value;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' could not be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            migrations.Add(Migration.FromFile(resource[ResourcePrefix.Length..], buffer.ToArray()));
        }

        return Ordered(migrations);
    }

    /// <summary>Orders migrations by version and refuses two files with one version.</summary>
    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Migrations {ordered[i - 1].FileName} and {ordered[i].FileName} share version {ordered[i].Version}.");
            }
        }

        return ordered;
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS \{db\}\.(\w+)")]
    private static partial Regex CreateTable();
}
