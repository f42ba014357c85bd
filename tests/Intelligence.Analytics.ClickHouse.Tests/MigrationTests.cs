using System.Text.RegularExpressions;
using Intelligence.Analytics.Migrations;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

[Collection(ServerCollection.Name)]
public sealed class MigrationTests(ChdbHttpServerFixture server)
{
    /// <summary>Every table and view the shipped migrations declare, plus the migrator's own table.</summary>
    private static readonly string[] DeclaredObjects = MigrationCatalog.All
        .SelectMany(m => Regex.Matches(m.Sql, @"CREATE (?:TABLE|VIEW) IF NOT EXISTS \{db\}\.(\w+)"))
        .Select(match => match.Groups[1].Value)
        .Append("schema_migrations")
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task Every_migration_applies_through_the_driver_and_a_second_run_applies_none()
    {
        await using var store = ServerStores.On(server);
        var database = UniqueDatabase.Named("schema");

        var first = await Migrator.ApplyAsync(store, database);
        var second = await Migrator.ApplyAsync(store, database);

        Assert.Equal(MigrationCatalog.All.Select(m => m.FileName), first.Select(m => m.FileName));
        Assert.Empty(second);
        var tables = await store.QueryAsync(
            "SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name", "TabSeparated",
            new Dictionary<string, string> { ["db"] = database });
        Assert.Equal(DeclaredObjects, tables.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Applied_migrations_are_recorded_with_their_checksums()
    {
        await using var store = ServerStores.On(server);

        var database = await ServerStores.MigratedDatabaseAsync(store, "recorded");

        var recorded = await store.QueryAsync($"SELECT version, name, checksum FROM {database}.schema_migrations ORDER BY version", "TabSeparated");
        Assert.Equal(string.Concat(MigrationCatalog.All.Select(m => $"{m.Version}\t{m.Name}\t{m.Checksum}\n")), recorded.Text);
    }

    [Fact]
    public async Task The_tables_that_take_retried_batches_keep_a_deduplication_window()
    {
        // Insert tokens deduplicate on a non-replicated MergeTree only within this window.
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "window");

        var windows = await store.QueryAsync(
            "SELECT name FROM system.tables WHERE database = {db:String} AND create_table_query LIKE '%non_replicated_deduplication_window = 10000%' ORDER BY name",
            "TabSeparated", new Dictionary<string, string> { ["db"] = database });

        Assert.Subset(windows.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), new HashSet<string> { "raw_events", "kpi_minute", "dead_letters" });
    }
}
