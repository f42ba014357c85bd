using Confluent.Kafka;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Tests.Support;

namespace Intelligence.Sink.Tests;

/// <summary>
/// A sink that dies between storing a batch and committing it, at any point, is followed by one
/// that stores every record exactly once, although it cuts its batches differently.
/// </summary>
public sealed class ExactlyOnceTests
{
    private static Func<string, int, Exception?> CrashAfterDataInsert(int nth)
    {
        var seen = 0;
        return (table, _) => !table.EndsWith(".sink_batches", StringComparison.Ordinal) && Interlocked.Increment(ref seen) == nth
            ? new SimulatedCrashException($"died after data insert {nth} ({table})")
            : null;
    }

    [Fact]
    public async Task A_crash_after_the_store_answered_and_before_the_commit_stores_nothing_twice_after_a_restart_with_another_batch_size()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(60);
        using (var crashing = SinkRun.Steady(input.Log, 7, db, commitFault: n => n == 3 ? new SimulatedCrashException() : null))
        {
            Assert.IsType<SimulatedCrashException>(await SinkRun.DrainAsync(crashing, input.Log));
        }

        using var restarted = SinkRun.Steady(input.Log, 5, db);
        Assert.Null(await SinkRun.DrainAsync(restarted, input.Log));

        await input.AssertStoredExactlyOnceAsync(db);
        var metrics = restarted.Metrics.Snapshot();
        Assert.Equal(7, metrics.DuplicatesSkipped);
        Assert.Equal(0, metrics.BatchesReplayed);
    }

    [Fact]
    public async Task A_crash_between_two_tables_of_a_batch_is_replayed_under_the_same_tokens_and_every_row_lands_once()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(60);
        var store = new FaultyStore(SharedStore.Instance) { AfterInsert = CrashAfterDataInsert(8) };
        using (var crashing = SinkRun.Steady(input.Log, 9, db, store))
        {
            Assert.IsType<SimulatedCrashException>(await SinkRun.DrainAsync(crashing, input.Log));
        }

        using var restarted = SinkRun.Steady(input.Log, 4, db);
        Assert.Null(await SinkRun.DrainAsync(restarted, input.Log));

        await input.AssertStoredExactlyOnceAsync(db);
        Assert.Equal(1, restarted.Metrics.Snapshot().BatchesReplayed);
        Assert.Equal(9, restarted.Metrics.Snapshot().RecordsReplayed);
    }

    [Fact]
    public async Task A_crash_after_a_batch_was_planned_and_before_any_table_stores_it_in_full_after_the_restart()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(30);
        var plans = 0;
        var store = new FaultyStore(SharedStore.Instance)
        {
            // sink_batches gets "planned" then "stored" for each batch: the third write is the second batch's plan.
            AfterInsert = (table, _) => table.EndsWith(".sink_batches", StringComparison.Ordinal) && ++plans == 3 ? new SimulatedCrashException() : null,
        };
        using (var crashing = SinkRun.Steady(input.Log, 10, db, store))
        {
            Assert.IsType<SimulatedCrashException>(await SinkRun.DrainAsync(crashing, input.Log));
        }

        using var restarted = SinkRun.Steady(input.Log, 3, db);
        Assert.Null(await SinkRun.DrainAsync(restarted, input.Log));

        await input.AssertStoredExactlyOnceAsync(db);
        Assert.Equal(10, restarted.Metrics.Snapshot().RecordsReplayed);
    }

    [Fact]
    public async Task After_a_crash_two_members_sharing_the_partitions_each_settle_the_unfinished_batch_and_it_lands_once()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(90, partitions: 4);
        var store = new FaultyStore(SharedStore.Instance) { AfterInsert = CrashAfterDataInsert(10) };
        using (var crashing = SinkRun.Steady(input.Log, 25, db, store))
        {
            Assert.IsType<SimulatedCrashException>(await SinkRun.DrainAsync(crashing, input.Log));
        }

        var even = input.Partitions.Where(p => p.Partition % 2 == 0).ToList();
        var odd = input.Partitions.Where(p => p.Partition % 2 == 1).ToList();
        using var left = SinkRun.Steady(input.Log, 6, db, holds: even);
        using var right = SinkRun.Steady(input.Log, 11, db, holds: odd);
        var both = await Task.WhenAll(SinkRun.DrainAsync(left, input.Log), SinkRun.DrainAsync(right, input.Log));

        Assert.All(both, Assert.Null);
        await input.AssertStoredExactlyOnceAsync(db);
        // Whichever settles it second finds it marked stored, unless both read the mark before either wrote it.
        Assert.InRange(left.Metrics.Snapshot().BatchesReplayed + right.Metrics.Snapshot().BatchesReplayed, 1, 2);
    }

    [Fact]
    public async Task A_failed_commit_is_not_a_stop_and_the_batch_it_covered_is_not_stored_again()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(40);
        using var worker = SinkRun.Steady(input.Log, 8, db, commitFault: n => n == 2 ? new KafkaException(ErrorCode.RebalanceInProgress) : null);
        Assert.Null(await SinkRun.DrainAsync(worker, input.Log));

        await input.AssertStoredExactlyOnceAsync(db);
        Assert.Equal(1, worker.Metrics.Snapshot().CommitFailures);
    }

    [Fact]
    public async Task Committed_offsets_are_one_past_the_last_stored_record_of_each_partition_across_transaction_markers()
    {
        var db = SharedStore.NewDatabase();
        var input = MixedInput.Make(50, markerEvery: 3);
        using var worker = SinkRun.Steady(input.Log, 6, db);
        Assert.Null(await SinkRun.DrainAsync(worker, input.Log));

        foreach (var partition in input.Partitions.Where(p => p.Topic == TopicRecords.Events))
        {
            var stored = await SinkRun.LinesAsync($"SELECT max(log_offset) + 1 FROM {db}.raw_events WHERE log_partition = {partition.Partition}");
            Assert.Equal(long.Parse(Assert.Single(stored), System.Globalization.CultureInfo.InvariantCulture),
                input.Log.Committed(SinkRun.Group, partition));
        }

        Assert.All(input.Log.Commits.SelectMany(c => c.Offsets),
            c => Assert.NotNull(input.Log.Range(c.Partition, c.Offset - 1, c.Offset - 1).SingleOrDefault()));
    }

    [Fact]
    public async Task The_kpi_count_table_shows_the_exact_sum_per_key_after_a_replay_and_after_its_merges()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 3);
        var expected = new SortedDictionary<string, (double Value, int Samples)>(StringComparer.Ordinal);
        for (var i = 0; i < 120; i++)
        {
            var (entity, value) = ($"store:{i % 4}", (i % 5) + 0.25);
            log.Kpi(i % 3, entity, minute: i % 3, value);
            var key = $"{entity}\t{i % 3}";
            expected[key] = expected.TryGetValue(key, out var sum) ? (sum.Value + value, sum.Samples + 1) : (value, 1);
        }

        var store = new FaultyStore(SharedStore.Instance) { AfterInsert = CrashAfterDataInsert(3) };
        using (var crashing = SinkRun.Steady(log, 17, db, store))
        {
            Assert.IsType<SimulatedCrashException>(await SinkRun.DrainAsync(crashing, log));
        }

        using var restarted = SinkRun.Steady(log, 40, db);
        Assert.Null(await SinkRun.DrainAsync(restarted, log));
        await SharedStore.Instance.ExecuteAsync($"OPTIMIZE TABLE {db}.kpi_minute FINAL");

        var sums = expected.Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{e.Key}\t{e.Value.Value}\t{e.Value.Samples}"));
        Assert.Equal(sums, await SinkRun.LinesAsync(
            $"SELECT entity, dateDiff('minute', toDateTime('2026-11-02 12:00:00', 'UTC'), minute), value, samples FROM {db}.kpi_minute ORDER BY entity, minute"));
    }
}
