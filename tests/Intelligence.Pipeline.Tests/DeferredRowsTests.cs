using System.Buffers;
using System.Text;
using Intelligence.Contracts;
using Intelligence.Embedded.Processing;
using Intelligence.Processors;
using Intelligence.Processors.Flow;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// The embedded runtime writes a key's latest-state rows once per batch, from the state the batch leaves
/// (<see cref="FoldEngine.DeferLatestRows"/>); the Kafka runtime and the tests write them at each change.
/// What a batch stores must not tell them apart: after the processor stage's batching (the last row per key,
/// counts summed, levels kept), every table gets the same rows, revisions included, whatever the batch size.
/// </summary>
public sealed class DeferredRowsTests
{
    private static readonly Lazy<List<RetailEvent>> Events = new(() => BusySimulation.Accepted(seed: 23, events: 8_000));

    [Theory]
    [InlineData(1)]
    [InlineData(97)]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void Each_batch_stores_the_same_rows_whether_latest_rows_wait_for_its_end_or_not(int batchSize)
    {
        var events = Events.Value;
        var atOnce = Batches(events, batchSize, defer: false);
        var deferred = Batches(events, batchSize, defer: true);

        Assert.Equal(atOnce.Count, deferred.Count);
        var latestTables = new HashSet<string>(StringComparer.Ordinal);
        long latestRows = 0;
        for (var b = 0; b < atOnce.Count; b++)
        {
            Assert.Equal(atOnce[b].Keys.Order(StringComparer.Ordinal), deferred[b].Keys.Order(StringComparer.Ordinal));
            foreach (var (table, rows) in atOnce[b])
            {
                var other = deferred[b][table];
                var missing = rows.Except(other).Take(3).ToList();
                var extra = other.Except(rows).Take(3).ToList();
                Assert.True(rows.SequenceEqual(other),
                    $"batch {b} of {batchSize} events, {table}: {rows.Count} rows at once, {other.Count} deferred;"
                    + $" only at once: {string.Join(" | ", missing)}; only deferred: {string.Join(" | ", extra)}");
            }
        }

        foreach (var batch in deferred)
        {
            foreach (var (table, rows) in batch.Where(t => DeferredTables.Contains(t.Key)))
            {
                latestTables.Add(table);
                latestRows += rows.Count;
            }
        }

        // The comparison means something only if the deferred tables were written, often.
        Assert.Equal(DeferredTables.Order(StringComparer.Ordinal), latestTables.Order(StringComparer.Ordinal));
        Assert.True(latestRows >= 1_000, $"only {latestRows} deferred rows stored");
    }

    [Fact]
    public void A_key_retired_in_a_batch_has_its_latest_row_written_before_it_is_forgotten()
    {
        // Finished orders, payments and promotions retire a day after their last activity, mid-batch.
        var options = new ProcessorOptions
        {
            Orders = new() { RetainFinishedFor = TimeSpan.FromDays(1) },
            Finance = new() { RetainFinishedFor = TimeSpan.FromDays(1) },
            Margin = new() { RetainPromotionFor = TimeSpan.FromDays(1) },
        };
        var (deferred, retired) = OneBatch(options, defer: true);
        var (atOnce, retiredAtOnce) = OneBatch(options, defer: false);

        Assert.True(retired > 100, $"only {retired} keys retired");
        Assert.Equal(retiredAtOnce, retired);
        Assert.Equal(atOnce.Keys.Order(StringComparer.Ordinal), deferred.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in atOnce)
        {
            Assert.True(rows.SequenceEqual(deferred[table]), $"{table}: {rows.Count} rows at once, {deferred[table].Count} deferred");
        }
    }

    private static (Dictionary<string, List<string>> Rows, long Retired) OneBatch(ProcessorOptions options, bool defer)
    {
        var engine = new FoldEngine(RetailTopology.Build(options)) { DeferLatestRows = defer };
        var sink = new BatchSink();
        foreach (var e in Events.Value)
        {
            engine.Process(e, sink);
        }

        engine.WriteChanged(sink);
        return (Lines(sink.Batch), engine.KeysRetired);
    }

    private static readonly HashSet<string> DeferredTables = new(StringComparer.Ordinal)
    {
        "stock_positions", "channel_ats", "orders", "margin", "order_reconciliation", "fulfillment_nodes", "product_line_returns",
    };

    private static List<Dictionary<string, List<string>>> Batches(List<RetailEvent> events, int batchSize, bool defer)
    {
        var engine = new FoldEngine(RetailTopology.Build(new ProcessorOptions())) { DeferLatestRows = defer };
        var sink = new BatchSink();
        var batches = new List<Dictionary<string, List<string>>>();
        foreach (var chunk in events.Chunk(batchSize))
        {
            foreach (var e in chunk)
            {
                engine.Process(e, sink);
            }

            engine.WriteChanged(sink);
            batches.Add(Lines(sink.Batch));
            sink.Batch.Clear();
        }

        return batches;
    }

    /// <summary>Each table's rows as JSON lines, sorted: the order of rows within one insert is not what a table keeps.</summary>
    private static Dictionary<string, List<string>> Lines(OutputBatch batch)
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, rows) in batch.ByTable())
        {
            var buffer = new ArrayBufferWriter<byte>();
            RowBatchJson.Write(rows, buffer);
            tables[table] = [.. Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
        }

        return tables;
    }
}
