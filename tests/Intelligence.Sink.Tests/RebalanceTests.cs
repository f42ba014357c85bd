using System.Diagnostics;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Intelligence.Sink.Tests;

/// <summary>Partitions that move to another member mid-run are stored once between the two.</summary>
public sealed class RebalanceTests
{
    [Fact]
    public async Task Partitions_revoked_mid_run_drop_their_unstored_records_and_their_next_holder_stores_each_once()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(300);
        var clock = new FakeTimeProvider(TopicRecords.Start);
        var first = new FakeConsumer(input.Log, SinkRun.Group, idle: clock.Advance);
        using var holder = SinkRun.Worker(first, SinkRun.Options(db, maxBatchRows: 10, linger: TimeSpan.FromMinutes(1)), clock: clock);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => holder.RunAsync(stop.Token));
        await Eventually(() => holder.Metrics.Snapshot().Batches >= 2);

        List<PartitionId> moved = [new(TopicRecords.Events, 1), new(TopicRecords.Outputs, 1)];
        first.Rebalance(moved, []);
        await Eventually(() => !first.Assignment.Intersect(moved).Any());
        using var next = SinkRun.Steady(input.Log, 7, db, holds: moved);
        Assert.Null(await SinkRun.DrainAsync(next, input.Log));
        await stop.CancelAsync();
        await running;

        await input.AssertStoredExactlyOnceAsync(db);
        Assert.DoesNotContain(holder.Metrics.Snapshot().Lag, l => moved.Contains(new PartitionId(l.Topic, l.Partition)));
    }

    [Fact]
    public async Task A_partition_given_back_while_its_batch_was_being_stored_never_has_its_committed_offset_moved_backwards()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        for (var i = 0; i < 40; i++)
        {
            log.Event(0, $"evt-{i}");
        }

        var partition = new PartitionId(TopicRecords.Events, 0);
        var consumer = new FakeConsumer(log, SinkRun.Group);
        Stopwatch? outage = null;
        var store = new FaultyStore(SharedStore.Instance)
        {
            // While the first batch waits on the store, the partition goes to another member, which
            // commits up to 35, and comes back.
            BeforeInsert = (table, _) =>
            {
                if (!table.EndsWith(".raw_events", StringComparison.Ordinal))
                {
                    return null;
                }

                if (outage is null)
                {
                    outage = Stopwatch.StartNew();
                    consumer.Rebalance([partition], [partition]);
                    log.Commit(SinkRun.Group, [new PartitionOffset(partition, 35)]);
                }

                return outage.ElapsedMilliseconds < 200 ? FaultyStore.Transient() : null;
            },
        };
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, maxBatchRows: 10), store);
        worker.KeepAliveEvery = TimeSpan.FromMilliseconds(10);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        var committed = log.Commits.SelectMany(c => c.Offsets).Where(o => o.Partition == partition).Select(o => o.Offset).ToList();
        Assert.Equal(committed.Order(), committed);
        Assert.Equal([35L, 40], committed);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
