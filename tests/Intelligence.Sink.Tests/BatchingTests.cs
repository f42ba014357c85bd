using Intelligence.Sink.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Intelligence.Sink.Tests;

/// <summary>Batches are cut by rows, bytes and linger time, and each is committed once stored.</summary>
public sealed class BatchingTests
{
    [Fact]
    public async Task A_batch_is_cut_at_max_rows_and_the_rest_waits_for_the_linger()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        for (var i = 0; i < 35; i++)
        {
            log.Event(0, $"evt-{i}");
        }

        var clock = new FakeTimeProvider(TopicRecords.Start);
        var consumer = new FakeConsumer(log, SinkRun.Group, idle: clock.Advance);
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, maxBatchRows: 10, linger: TimeSpan.FromMinutes(1)), clock: clock);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        Assert.Equal([10L, 20, 30, 35], log.Commits.Select(c => Assert.Single(c.Offsets).Offset));
        Assert.Equal(4, worker.Metrics.Snapshot().Batches);
        Assert.Equal(35, await SinkRun.CountAsync(db, "raw_events"));
    }

    [Fact]
    public async Task A_partial_batch_is_stored_when_its_linger_has_passed_and_not_before()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 2);
        log.Event(0, "evt-1");
        log.Event(1, "evt-2");
        log.Kpi(0, "channel:web", 0, 1);

        var clock = new FakeTimeProvider(TopicRecords.Start);
        var consumer = new FakeConsumer(log, SinkRun.Group, idle: clock.Advance);
        var committedAt = new List<DateTimeOffset>();
        consumer.CommitFault = _ =>
        {
            committedAt.Add(clock.GetUtcNow());
            return null;
        };
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, linger: TimeSpan.FromSeconds(1)), clock: clock);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        var at = Assert.Single(committedAt);
        Assert.InRange(at - TopicRecords.Start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
        Assert.Equal(1, worker.Metrics.Snapshot().Batches);
        Assert.Equal(2, await SinkRun.CountAsync(db, "raw_events"));
    }

    [Fact]
    public async Task A_batch_is_cut_at_max_bytes_whatever_its_row_count()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        var padding = new string('x', 1_000);
        for (var i = 0; i < 300; i++)
        {
            log.Output(0, "exception_events",
                $$"""{"exception_id":"exc-{{i}}-{{padding}}","category":"oversell","at":"2026-11-02 12:00:00.000","change":"opened","severity":"high","team":"inventory","occurrence":1,"escalation_level":0}""");
        }

        var clock = new FakeTimeProvider(TopicRecords.Start);
        var options = SinkRun.Options(db, linger: TimeSpan.FromMinutes(1)) with { MaxBatchBytes = 64 * 1024 };
        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group, idle: clock.Advance), options, clock: clock);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        // About 1.2 KB a row: 64 KiB is reached at the 55th row of each batch.
        var sizes = log.Commits.Select(c => c.Offsets[0].Offset).Prepend(0).Pairwise().Select(p => p.Item2 - p.Item1).ToList();
        Assert.All(sizes[..^1], size => Assert.InRange(size, 50, 60));
        Assert.Equal(300, await SinkRun.CountAsync(db, "exception_events"));
    }
}

internal static class PairwiseExtension
{
    public static IEnumerable<(T, T)> Pairwise<T>(this IEnumerable<T> items) => items.Zip(items.Skip(1));
}
