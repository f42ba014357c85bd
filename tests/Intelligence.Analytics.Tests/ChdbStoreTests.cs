using System.Text;
using Intelligence.Analytics.Chdb;

namespace Intelligence.Analytics.Tests;

[Collection(EngineCollection.Name)]
public sealed class ChdbStoreTests(EngineFixture engine)
{
    private readonly ChdbStore store = engine.Store;

    [Fact]
    public async Task The_embedded_store_runs_a_query_and_returns_its_text()
    {
        var result = await store.QueryAsync("SELECT 40 + 2 AS answer, 'ats' AS word");

        Assert.Equal("answer\tword\n42\tats\n", result.Text);
        Assert.Equal(1UL, result.RowsRead);
        Assert.StartsWith("chDB 26.7", store.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_query_raises_ClickHouse_message_and_the_store_keeps_working()
    {
        var error = await Assert.ThrowsAsync<AnalyticsException>(() => store.QueryAsync("SELECT * FROM no_such_table"));

        Assert.Contains("Unknown table", error.Message, StringComparison.Ordinal);
        Assert.Equal(60, error.Code);
        Assert.Equal("1\n", (await store.QueryAsync("SELECT 1", "TabSeparated")).Text);
    }

    [Fact]
    public async Task A_syntax_error_in_a_statement_raises_with_its_code()
    {
        var error = await Assert.ThrowsAsync<AnalyticsException>(() => store.ExecuteAsync("CREATE TABLE oops ("));

        Assert.Equal(62, error.Code);
        Assert.Contains("Syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_insert_data_raises_and_stores_nothing()
    {
        var database = UniqueDatabase.Named("malformed");
        await store.ExecuteAsync($"CREATE DATABASE {database}");
        await store.ExecuteAsync($"CREATE TABLE {database}.t (sku String, qty Int32) ENGINE = MergeTree ORDER BY sku");

        var error = await Assert.ThrowsAsync<AnalyticsException>(
            () => store.InsertAsync($"{database}.t", Encoding.UTF8.GetBytes("{\"sku\":\"A\",\"qty\":\"many\"}\n")));

        Assert.NotNull(error.Code);
        Assert.Equal("0\n", (await store.QueryAsync($"SELECT count() FROM {database}.t", "TabSeparated")).Text);
    }

    [Fact]
    public async Task An_insert_stores_its_rows_as_sent_and_sums_and_FINAL_still_answer_per_key()
    {
        var database = UniqueDatabase.Named("asSent");
        await store.ExecuteAsync($"CREATE DATABASE {database}");
        await store.ExecuteAsync($"CREATE TABLE {database}.counts (metric String, value Float64) ENGINE = SummingMergeTree(value) ORDER BY metric");
        await store.ExecuteAsync($"CREATE TABLE {database}.latest (sku String, ats Int64, revision Int64) ENGINE = ReplacingMergeTree(revision) ORDER BY sku");

        await store.InsertAsync($"{database}.counts", Encoding.UTF8.GetBytes("{\"metric\":\"orders\",\"value\":2}\n{\"metric\":\"orders\",\"value\":3}\n"));
        await store.InsertAsync($"{database}.latest", Encoding.UTF8.GetBytes("{\"sku\":\"A\",\"ats\":7,\"revision\":1}\n{\"sku\":\"A\",\"ats\":4,\"revision\":2}\n"));

        // Not summed or replaced on insert (optimize_on_insert = 0): the writers send one row per key.
        Assert.Equal("2\t2\n", (await store.QueryAsync($"SELECT (SELECT count() FROM {database}.counts), (SELECT count() FROM {database}.latest)", "TabSeparated")).Text);
        Assert.Equal("5\t4\n", (await store.QueryAsync($"SELECT (SELECT sum(value) FROM {database}.counts), (SELECT ats FROM {database}.latest FINAL)", "TabSeparated")).Text);
    }

    [Fact]
    public async Task Inserting_into_a_missing_table_raises_instead_of_crashing()
    {
        var error = await Assert.ThrowsAsync<AnalyticsException>(
            () => store.InsertAsync("nowhere.nothing", Encoding.UTF8.GetBytes("{\"a\":1}\n")));

        Assert.Equal(81, error.Code);
    }

    [Fact]
    public void A_second_storage_path_is_refused_while_a_store_is_open()
    {
        var otherPath = Path.Combine(Path.GetTempPath(), UniqueDatabase.Named("elsewhere"));

        var error = Assert.Throws<InvalidOperationException>(() => ChdbStore.Open(otherPath));

        Assert.Contains("one storage path per process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disposed_store_refuses_calls_while_other_stores_on_the_engine_keep_working()
    {
        var second = ChdbStore.Open(dataPath: null);
        await second.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => second.QueryAsync("SELECT 1"));
        await second.DisposeAsync();
        Assert.Equal("1\n", (await store.QueryAsync("SELECT 1", "TabSeparated")).Text);
    }
}
