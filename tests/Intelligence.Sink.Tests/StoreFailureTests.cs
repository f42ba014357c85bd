using System.Diagnostics;
using Intelligence.Analytics;
using Intelligence.Analytics.Migrations;
using Intelligence.Sink.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Intelligence.Sink.Tests;

/// <summary>A store that fails for a while is waited out; one that refuses for good stops the sink with nothing committed past it.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task A_store_failing_for_a_while_is_retried_with_backoff_and_every_row_is_stored_once()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 2);
        for (var i = 0; i < 20; i++)
        {
            log.Event(i % 2, $"evt-{i}");
            log.Kpi(i % 2, $"store:{i % 3}", i % 4, 1);
        }

        var failures = 0;
        var store = new FaultyStore(SharedStore.Instance)
        {
            // Every third insert fails twice before it goes through, the kpi table's inserts included.
            BeforeInsert = (_, n) => n % 3 == 0 && Interlocked.Increment(ref failures) <= 8 ? FaultyStore.Transient() : null,
        };
        using var worker = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db, maxBatchRows: 6), store);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        Assert.Equal(20, await SinkRun.CountAsync(db, "raw_events"));
        Assert.Equal(["20\t20"], await SinkRun.LinesAsync($"SELECT sum(value), sum(samples) FROM {db}.kpi_minute"));
        Assert.Equal(8, worker.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task A_store_that_refuses_a_batch_for_good_stops_the_sink_naming_the_table_and_commits_nothing_past_it()
    {
        var db = SharedStore.NewDatabase();
        await Migrator.ApplyAsync(SharedStore.Instance, db);
        await SharedStore.Instance.ExecuteAsync($"DROP TABLE {db}.exception_events");
        var log = TopicRecords.NewLog(partitions: 1);
        for (var i = 0; i < 5; i++)
        {
            log.Kpi(0, "channel:web", i, 1);
        }

        for (var i = 0; i < 5; i++)
        {
            log.ExceptionEvent(0, $"exc-{i}", 1);
        }

        var clock = new FakeTimeProvider(TopicRecords.Start);
        var consumer = new FakeConsumer(log, SinkRun.Group, idle: clock.Advance);
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, maxBatchRows: 5, linger: TimeSpan.FromMinutes(1)), clock: clock);
        var failure = await SinkRun.DrainAsync(worker, log);

        var refused = Assert.IsType<SinkFailedException>(failure);
        Assert.Contains($"{db}.exception_events", refused.Message, StringComparison.Ordinal);
        Assert.Equal(60, Assert.IsType<AnalyticsException>(refused.InnerException).Code);
        Assert.Equal(5, log.Committed(SinkRun.Group, new(TopicRecords.Outputs, 0)));
        Assert.Equal(5, await SinkRun.CountAsync(db, "kpi_minute"));
        Assert.True(consumer.Closed);
    }

    [Fact]
    public async Task While_the_store_holds_a_batch_the_consumer_keeps_polling_with_its_partitions_paused_and_resumes_them_after()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 2);
        for (var i = 0; i < 12; i++)
        {
            log.Event(i % 2, $"evt-{i}");
        }

        // The store is out for 300 ms from the first insert of events.
        Stopwatch? outage = null;
        var store = new FaultyStore(SharedStore.Instance)
        {
            BeforeInsert = (table, _) =>
                table.EndsWith(".raw_events", StringComparison.Ordinal) && (outage ??= Stopwatch.StartNew()).ElapsedMilliseconds < 300
                    ? FaultyStore.Transient()
                    : null,
        };
        var consumer = new FakeConsumer(log, SinkRun.Group);
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, maxBatchRows: 4), store);
        worker.KeepAliveEvery = TimeSpan.FromMilliseconds(20);
        Assert.Null(await SinkRun.DrainAsync(worker, log));

        Assert.True(consumer.PausedPolls > 0, "no poll while the store held the batch");
        Assert.Equal(12, await SinkRun.CountAsync(db, "raw_events"));
    }

    [Fact]
    public async Task Stopping_gracefully_closes_the_consumer_and_leaves_nothing_committed_past_the_store()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 3);
        for (var i = 0; i < 300; i++)
        {
            log.Event(i % 3, $"evt-{i}");
        }

        var consumer = new FakeConsumer(log, SinkRun.Group);
        using var worker = SinkRun.Worker(consumer, SinkRun.Options(db, maxBatchRows: 7));
        Assert.Null(await SinkRun.UntilAsync(worker, () => worker.Metrics.Snapshot().Batches >= 3));

        Assert.True(consumer.Closed);
        foreach (var partition in log.Partitions.Where(p => p.Topic == TopicRecords.Events))
        {
            var stored = await SinkRun.LinesAsync(
                $"SELECT max(log_offset) + 1 FROM {db}.raw_events WHERE log_partition = {partition.Partition} HAVING count() > 0");
            var storedEnd = stored.Length == 0 ? 0 : long.Parse(stored[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(log.Committed(SinkRun.Group, partition) ?? 0, 0, storedEnd);
        }

        using var next = SinkRun.Worker(new FakeConsumer(log, SinkRun.Group), SinkRun.Options(db, maxBatchRows: 50));
        Assert.Null(await SinkRun.DrainAsync(next, log));
        Assert.Equal(["300\t300"], await SinkRun.LinesAsync($"SELECT count(), uniqExact(event_id) FROM {db}.raw_events"));
    }
}
