using System.Text.Json;
using Intelligence.Embedded;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

[Collection(ServerCollection.Name)]
public sealed class RoundTripTests(ChdbHttpServerFixture server)
{
    [Fact]
    public async Task Inserted_rows_come_back_in_TabSeparatedWithNames()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "tsv");

        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(2));
        var stored = await store.QueryAsync(
            $"SELECT event_id, type, occurred_at, received_at FROM {database}.raw_events ORDER BY event_id", "TabSeparatedWithNames");

        // Both timestamp spellings the pipeline sends parse, to UTC milliseconds, as on chDB.
        Assert.Equal(
            "event_id\ttype\toccurred_at\treceived_at\n" +
            "evt-0\torder_placed\t2026-11-02 10:00:00.000\t2026-11-02 10:00:01.000\n" +
            "evt-1\torder_placed\t2026-11-02 10:00:01.000\t2026-11-02 10:00:02.000\n",
            stored.Text);
        Assert.Equal(2UL, stored.RowsRead);
    }

    [Fact]
    public async Task Inserted_rows_come_back_in_JSONEachRow()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "json");

        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(3));
        var stored = await store.QueryAsync($"SELECT event_id, log_offset, payload FROM {database}.raw_events ORDER BY event_id", "JSONEachRow");

        var rows = stored.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["evt-0", "evt-1", "evt-2"], rows.Select(r => r.GetProperty("event_id").GetString()));
        Assert.Equal([0, 1, 2], rows.Select(r => r.GetProperty("log_offset").GetInt32()));
        Assert.All(rows, r => Assert.Equal("""{"order_id":"o-1","total":"12.50"}""", r.GetProperty("payload").GetString()));
    }

    [Fact]
    public async Task Rows_written_is_what_the_server_reports()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "written");

        var result = await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(25));

        Assert.Equal(25UL, result.RowsWritten);
        Assert.Equal("25", await ServerStores.ScalarAsync(store, $"SELECT count() FROM {database}.raw_events"));
    }

    [Fact]
    public async Task Without_compression_the_same_rows_land_and_no_body_is_encoded()
    {
        await using var store = ServerStores.On(server, new ClickHouseOptions { Compression = false });
        var database = await ServerStores.MigratedDatabaseAsync(store, "plain");

        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(4));

        Assert.Equal("4", await ServerStores.ScalarAsync(store, $"SELECT count() FROM {database}.raw_events"));
        var insert = server.Server.Requests.Last(r => r.Sql.Contains($"INSERT INTO {database}.raw_events", StringComparison.Ordinal));
        Assert.Null(insert.RequestEncoding);
    }

    [Fact]
    public async Task With_compression_requests_and_answers_are_gzip()
    {
        await using var store = ServerStores.On(server);
        var database = UniqueDatabase.Named("gzip");

        await store.ExecuteAsync($"CREATE DATABASE {database}");
        var answer = await store.QueryAsync("SELECT {marker:String} AS marker", "TabSeparated", new Dictionary<string, string> { ["marker"] = database });

        Assert.Equal(database + "\n", answer.Text);
        var query = server.Server.Requests.Last(r => r.ParameterNames.Contains("marker"));
        Assert.Equal(("gzip", "gzip"), (query.RequestEncoding, query.ResponseEncoding));
    }

    [Fact]
    public async Task A_field_the_table_does_not_have_is_refused_for_good()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "unknown_field");

        var error = await Assert.ThrowsAsync<AnalyticsException>(
            () => store.InsertAsync($"{database}.raw_events", """{"event_id":"e-1","colour":"red"}"""u8.ToArray()));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.True(StoreErrors.IsPermanent(error), $"code {error.Code}: {error.Message}");
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing_and_sends_nothing()
    {
        await using var store = ServerStores.On(server);
        var before = server.Server.Requests.Count;

        var result = await store.InsertAsync("nowhere.raw_events", ReadOnlyMemory<byte>.Empty);

        Assert.Equal(0UL, result.RowsWritten);
        Assert.Equal(before, server.Server.Requests.Count);
    }
}
