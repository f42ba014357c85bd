using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.Migrations;

namespace Intelligence.Analytics.Tests;

[Collection(EngineCollection.Name)]
public sealed class InsertTests(EngineFixture engine)
{
    private readonly ChdbStore store = engine.Store;

    [Fact]
    public async Task JSONEachRow_rows_land_and_rows_written_counts_them()
    {
        var database = await MigratedDatabaseAsync("inserts");
        var batch = RawEventRows.Orders(25);

        var result = await store.InsertAsync($"{database}.raw_events", batch.ToJsonEachRow());

        Assert.Equal(25UL, result.RowsWritten);
        Assert.Equal("25\n", await CountAsync(database));
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing()
    {
        var database = await MigratedDatabaseAsync("empty");

        var result = await store.InsertAsync($"{database}.raw_events", ReadOnlyMemory<byte>.Empty);

        Assert.Equal(0UL, result.RowsWritten);
        Assert.Equal("0\n", await CountAsync(database));
    }

    [Fact]
    public async Task Plain_and_ISO_8601_timestamps_both_parse_to_UTC_milliseconds()
    {
        var database = await MigratedDatabaseAsync("timestamps");

        // The builder writes occurred_at as "2026-11-02 10:00:00.000" and received_at as ISO "...Z".
        await store.InsertAsync($"{database}.raw_events", RawEventRows.Orders(1).ToJsonEachRow());

        var stored = await store.QueryAsync($"SELECT occurred_at, received_at FROM {database}.raw_events", "TabSeparated");
        Assert.Equal("2026-11-02 10:00:00.000\t2026-11-02 10:00:01.000\n", stored.Text);
    }

    [Fact]
    public async Task A_batch_replayed_with_the_same_deduplication_token_is_stored_once()
    {
        var database = await MigratedDatabaseAsync("dedup");
        var batch = RawEventRows.Orders(10).ToJsonEachRow();

        await store.InsertAsync($"{database}.raw_events", batch, "orders:partition-0:offset-0-9");
        await store.InsertAsync($"{database}.raw_events", batch, "orders:partition-0:offset-0-9");

        Assert.Equal("10\n", await CountAsync(database));
    }

    [Fact]
    public async Task The_same_rows_under_a_different_token_are_stored_again()
    {
        var database = await MigratedDatabaseAsync("tokens");
        var batch = RawEventRows.Orders(10).ToJsonEachRow();

        await store.InsertAsync($"{database}.raw_events", batch, "run-1.batch-1");
        await store.InsertAsync($"{database}.raw_events", batch, "run-1.batch-2");

        Assert.Equal("20\n", await CountAsync(database));
    }

    [Fact]
    public async Task A_token_already_used_drops_the_batch_even_when_its_rows_differ()
    {
        // The token, not the content, names the batch: producers must derive it from what the
        // batch is (source, partition, offsets), never reuse one for new rows.
        var database = await MigratedDatabaseAsync("reused");

        await store.InsertAsync($"{database}.raw_events", RawEventRows.Orders(3).ToJsonEachRow(), "orders:0:0-2");
        await store.InsertAsync($"{database}.raw_events", RawEventRows.Orders(5).ToJsonEachRow(), "orders:0:0-2");

        Assert.Equal("3\n", await CountAsync(database));
    }

    [Theory]
    [InlineData("x' OR 1 = 1")]
    [InlineData("token\n")]
    [InlineData("")]
    public async Task A_deduplication_token_outside_the_safe_alphabet_is_refused(string token)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => store.InsertAsync("anywhere.raw_events", RawEventRows.Orders(1).ToJsonEachRow(), token));
    }

    [Theory]
    [InlineData("events; DROP TABLE x")]
    [InlineData("a.b.c")]
    [InlineData("`quoted`")]
    public async Task A_table_name_that_is_not_an_identifier_is_refused(string table)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.InsertAsync(table, RawEventRows.Orders(1).ToJsonEachRow()));
    }

    private async Task<string> MigratedDatabaseAsync(string purpose)
    {
        var database = UniqueDatabase.Named(purpose);
        await Migrator.ApplyAsync(store, database);
        return database;
    }

    private async Task<string> CountAsync(string database) =>
        (await store.QueryAsync($"SELECT count() FROM {database}.raw_events", "TabSeparated")).Text;
}
