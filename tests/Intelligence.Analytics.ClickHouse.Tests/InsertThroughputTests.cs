using System.Diagnostics;
using System.Text;
using Intelligence.Testing.ClickHouseHttp;
using Xunit.Abstractions;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>
/// Reports JSONEachRow insert throughput through the driver into the chDB HTTP fixture, gzip on and
/// off. It asserts only that every row landed: a speed floor would fail on slow CI machines without
/// saying anything about the code. The figure is the loopback HTTP path and chDB, not a server's.
/// </summary>
[Collection(ServerCollection.Name)]
[Trait("Category", "Throughput")]
public sealed class InsertThroughputTests(ChdbHttpServerFixture server, ITestOutputHelper output)
{
    private const int Rows = 200_000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_hundred_thousand_small_rows_insert_in_one_request(bool compression)
    {
        await using var store = ServerStores.On(server, new ClickHouseOptions { Compression = compression });
        var database = UniqueDatabase.Named("throughput");
        await store.ExecuteAsync($"CREATE DATABASE {database}");
        await store.ExecuteAsync(
            $"CREATE TABLE {database}.stock_moves (id UInt64, sku String, qty Int32, at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY id");
        var batch = SmallRows();

        var clock = Stopwatch.StartNew();
        var result = await store.InsertAsync($"{database}.stock_moves", batch, "moves:0:0-199999");
        clock.Stop();

        output.WriteLine(
            $"gzip {(compression ? "on" : "off")}: {Rows:N0} rows ({batch.Length / 1e6:F1} MB JSONEachRow) in {clock.Elapsed.TotalMilliseconds:F0} ms: {Rows / clock.Elapsed.TotalSeconds:N0} rows/s");
        Assert.Equal((ulong)Rows, result.RowsWritten);
        Assert.Equal($"{Rows}", await ServerStores.ScalarAsync(store, $"SELECT count() FROM {database}.stock_moves"));
    }

    private static byte[] SmallRows()
    {
        var text = new StringBuilder(Rows * 80);
        for (var i = 0; i < Rows; i++)
        {
            text.Append($$"""{"id":{{i}},"sku":"SKU-{{i % 5000}}","qty":{{i % 17}},"at":"2026-11-02T10:00:00.000Z"}""").Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
