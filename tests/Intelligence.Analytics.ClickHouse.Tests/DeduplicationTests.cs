using Intelligence.Embedded;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>
/// A sink retries a batch after a failure it cannot see the end of (a timeout after the server
/// wrote): the token makes the retry land once, through the driver, on the tables that keep a window.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DeduplicationTests(ChdbHttpServerFixture server)
{
    [Fact]
    public async Task A_raw_events_batch_retried_twice_and_again_after_another_is_stored_once()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "dedup_raw");
        var (first, second) = (BatchRows.OrderEvents(10), BatchRows.OrderEvents(7, first: 10));

        // Tokens as the sinks make them: the table and a hash of the batch's log offsets.

        await store.InsertAsync($"{database}.raw_events", first, BatchToken.For("raw_events", "epoch-1|0:0-9"));
        await store.InsertAsync($"{database}.raw_events", first, BatchToken.For("raw_events", "epoch-1|0:0-9"));
        await store.InsertAsync($"{database}.raw_events", second, BatchToken.For("raw_events", "epoch-1|0:10-16"));
        await store.InsertAsync($"{database}.raw_events", first, BatchToken.For("raw_events", "epoch-1|0:0-9"));

        Assert.Equal("17\t17", await ServerStores.ScalarAsync(store, $"SELECT count(), uniqExact(event_id) FROM {database}.raw_events"));
    }

    [Fact]
    public async Task A_kpi_batch_retried_twice_and_again_after_another_is_counted_once()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "dedup_kpi");

        await store.InsertAsync($"{database}.kpi_minute", BatchRows.OrdersPlacedPerMinute(5, orders: 3), BatchToken.For("kpi_minute", "epoch-1|0:0-99"));
        await store.InsertAsync($"{database}.kpi_minute", BatchRows.OrdersPlacedPerMinute(5, orders: 3), BatchToken.For("kpi_minute", "epoch-1|0:0-99"));
        await store.InsertAsync($"{database}.kpi_minute", BatchRows.OrdersPlacedPerMinute(5, orders: 2), BatchToken.For("kpi_minute", "epoch-1|0:100-199"));
        await store.InsertAsync($"{database}.kpi_minute", BatchRows.OrdersPlacedPerMinute(5, orders: 3), BatchToken.For("kpi_minute", "epoch-1|0:0-99"));

        // 5 minutes x 3 orders from the first batch, 5 x 2 from the second; a double count would read 40 or 55.
        Assert.Equal("25\t25", await ServerStores.ScalarAsync(store, $"SELECT sum(value), sum(samples) FROM {database}.kpi_minute"));
    }

    [Fact]
    public async Task The_same_rows_under_a_new_token_are_stored_again()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "dedup_new");
        var batch = BatchRows.OrderEvents(6);

        await store.InsertAsync($"{database}.raw_events", batch, "run-1.batch-1");
        await store.InsertAsync($"{database}.raw_events", batch, "run-1.batch-2");

        Assert.Equal("12", await ServerStores.ScalarAsync(store, $"SELECT count() FROM {database}.raw_events"));
    }

    [Fact]
    public async Task The_token_travels_as_the_insert_deduplication_token_setting()
    {
        await using var store = ServerStores.On(server);
        var database = await ServerStores.MigratedDatabaseAsync(store, "dedup_setting");

        await store.InsertAsync($"{database}.raw_events", BatchRows.OrderEvents(1), "orders:0:0-0");

        var insert = server.Server.Requests.Last(r => r.Sql.Contains($"INSERT INTO {database}.raw_events", StringComparison.Ordinal));
        Assert.Equal("orders:0:0-0", insert.Settings["insert_deduplication_token"]);
        Assert.Equal("1", insert.Settings["insert_deduplicate"]);
    }
}
