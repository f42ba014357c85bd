using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.Migrations;

namespace Intelligence.Analytics.Tests;

[Collection(EngineCollection.Name)]
public sealed class MigratorTests(EngineFixture engine)
{
    private static readonly string[] FoundationObjects =
        ["dead_letters", "events_by_type", "pipeline_runs", "raw_events", "scenario_truth", "schema_migrations"];

    /// <summary>Every table and view the shipped migrations create, read from their SQL, plus the migrator's own table.</summary>
    private static IEnumerable<string> DeclaredObjects() =>
        MigrationCatalog.All
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.Sql, @"CREATE (?:TABLE|VIEW) IF NOT EXISTS \{db\}\.(\w+)"))
            .Select(match => match.Groups[1].Value)
            .Append("schema_migrations")
            .Order(StringComparer.Ordinal);

    private readonly ChdbStore store = engine.Store;

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time_and_the_tables_exist()
    {
        var database = UniqueDatabase.Named("schema");

        var first = await Migrator.ApplyAsync(store, database);
        var second = await Migrator.ApplyAsync(store, database);

        Assert.Equal(MigrationCatalog.All.Select(m => m.FileName), first.Select(m => m.FileName));
        Assert.Empty(second);
        var tables = await store.QueryAsync(
            "SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name",
            "TabSeparated",
            new Dictionary<string, string> { ["db"] = database });
        var created = tables.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DeclaredObjects(), created);
        Assert.Subset(created.ToHashSet(), FoundationObjects.ToHashSet());
    }

    [Fact]
    public async Task Applied_migrations_are_recorded_with_their_checksum()
    {
        var database = UniqueDatabase.Named("recorded");

        await Migrator.ApplyAsync(store, database);

        var recorded = await store.QueryAsync($"SELECT version, name, checksum FROM {database}.schema_migrations ORDER BY version", "TabSeparated");
        var expected = string.Concat(MigrationCatalog.All.Select(m => $"{m.Version}\t{m.Name}\t{m.Checksum}\n"));
        Assert.Equal(expected, recorded.Text);
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_is_refused_naming_the_file()
    {
        var database = UniqueDatabase.Named("changed");
        var original = Migration.FromFile("0001_notes.sql", "CREATE TABLE IF NOT EXISTS {db}.notes (n String) ENGINE = MergeTree ORDER BY n;\n"u8);
        var edited = Migration.FromFile("0001_notes.sql", "CREATE TABLE IF NOT EXISTS {db}.notes (n String, m String) ENGINE = MergeTree ORDER BY n;\n"u8);
        await Migrator.ApplyAsync(store, database, [original]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.ApplyAsync(store, database, [edited]));

        Assert.Contains("0001_notes.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_migration_is_applied_after_the_ones_already_recorded()
    {
        var database = UniqueDatabase.Named("additive");
        var first = Migration.FromFile("0001_a.sql", "CREATE TABLE IF NOT EXISTS {db}.a (n String) ENGINE = MergeTree ORDER BY n;\n"u8);
        var next = Migration.FromFile("0002_b.sql", "CREATE TABLE IF NOT EXISTS {db}.b (n String) ENGINE = MergeTree ORDER BY n;\n"u8);
        await Migrator.ApplyAsync(store, database, [first]);

        var applied = await Migrator.ApplyAsync(store, database, [first, next]);

        Assert.Equal(["0002_b.sql"], applied.Select(m => m.FileName));
    }

    [Theory]
    [InlineData("analytics; DROP DATABASE system")]
    [InlineData("1st")]
    [InlineData("has-dash")]
    [InlineData("trailing_newline\n")]
    public async Task A_database_name_that_is_not_an_identifier_is_refused(string database)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Migrator.ApplyAsync(store, database));
    }

    [Fact]
    public async Task The_events_by_type_view_counts_events_per_family_and_type()
    {
        var database = UniqueDatabase.Named("view");
        await Migrator.ApplyAsync(store, database);
        await store.InsertAsync($"{database}.raw_events", RawEventRows.Orders(3).ToJsonEachRow());

        var view = await store.QueryAsync($"SELECT * FROM {database}.events_by_type", "TabSeparatedWithNames");

        Assert.Equal(
            "family\ttype\tevents\tfirst_occurred_at\tlast_occurred_at\n" +
            "channel\torder_placed\t3\t2026-11-02 10:00:00.000\t2026-11-02 10:00:02.000\n",
            view.Text);
    }

    [Fact]
    public async Task Every_append_only_table_keeps_an_insert_deduplication_window_so_a_retried_batch_is_stored_once()
    {
        var database = UniqueDatabase.Named("windows");
        await Migrator.ApplyAsync(store, database);

        var tables = await store.QueryAsync(
            "SELECT name FROM system.tables WHERE database = {db:String} AND engine LIKE '%MergeTree' AND name != 'schema_migrations' " +
            "AND position(create_table_query, 'non_replicated_deduplication_window') = 0 ORDER BY name",
            "TabSeparated",
            new Dictionary<string, string> { ["db"] = database });
        var appendOnly = await store.QueryAsync(
            "SELECT count() FROM system.tables WHERE database = {db:String} AND engine = 'MergeTree'",
            "TabSeparated",
            new Dictionary<string, string> { ["db"] = database });

        Assert.Equal("", tables.Text.Trim());
        Assert.True(int.Parse(appendOnly.Text.Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 5, appendOnly.Text);
    }
}
