using System.Globalization;

namespace Intelligence.Analytics.Migrations;

/// <summary>
/// Brings a database up to the shipped schema. Applied migrations are recorded in
/// <c>{database}.schema_migrations</c> with the SHA-256 of their file: an applied migration is
/// skipped, and an applied migration whose file has since changed stops the run, because the
/// database no longer matches what the code believes it ran.
/// </summary>
public static class Migrator
{
    /// <summary>Applies the migrations shipped in this assembly; returns those applied by this call.</summary>
    public static Task<IReadOnlyList<Migration>> ApplyAsync(IAnalyticsStore store, string database, CancellationToken ct = default) =>
        ApplyAsync(store, database, MigrationCatalog.All, ct);

    /// <summary>Applies <paramref name="migrations"/> in version order; returns those applied by this call.</summary>
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(
        IAnalyticsStore store,
        string database,
        IReadOnlyList<Migration> migrations,
        CancellationToken ct = default)
    {
        SqlNames.RequireIdentifier(database, "database name");
        await store.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}", ct);
        await store.ExecuteAsync(
            $"""
            CREATE TABLE IF NOT EXISTS {database}.schema_migrations (
              version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC')
            ) ENGINE = MergeTree ORDER BY version
            """,
            ct);

        var recorded = await RecordedChecksumsAsync(store, database, ct);
        var applied = new List<Migration>();
        foreach (var migration in MigrationCatalog.Ordered(migrations))
        {
            if (recorded.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.FileName} was changed after it was applied to database '{database}' " +
                        $"(applied checksum {checksum}, file checksum {migration.Checksum}). " +
                        "Restore the file and add a new migration for the change.");
                }

                continue;
            }

            // ClickHouse DDL is not transactional: a migration that fails half way is not recorded
            // and runs again next time, which is why every statement must be idempotent (IF NOT EXISTS).
            foreach (var statement in migration.StatementsFor(database))
            {
                await store.ExecuteAsync(statement, ct);
            }

            await RecordAsync(store, database, migration, ct);
            applied.Add(migration);
        }

        return applied;
    }

    private static async Task<Dictionary<uint, string>> RecordedChecksumsAsync(IAnalyticsStore store, string database, CancellationToken ct)
    {
        var result = await store.QueryAsync($"SELECT version, checksum FROM {database}.schema_migrations", "TabSeparated", ct: ct);
        var recorded = new Dictionary<uint, string>();
        foreach (var line in result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            recorded[uint.Parse(fields[0], CultureInfo.InvariantCulture)] = fields[1];
        }

        return recorded;
    }

    private static async Task RecordAsync(IAnalyticsStore store, string database, Migration migration, CancellationToken ct) =>
        await store.QueryAsync(
            $$"""
            INSERT INTO {{database}}.schema_migrations (version, name, checksum, applied_at)
            SELECT {version:UInt32}, {name:String}, {checksum:String}, now64(3, 'UTC')
            """,
            parameters: new Dictionary<string, string>
            {
                ["version"] = migration.Version.ToString(CultureInfo.InvariantCulture),
                ["name"] = migration.Name,
                ["checksum"] = migration.Checksum,
            },
            ct: ct);
}
