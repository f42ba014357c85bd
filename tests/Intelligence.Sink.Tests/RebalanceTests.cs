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

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
