using Intelligence.Sink.Consuming;
using Intelligence.Sink.Tests.Support;

namespace Intelligence.Sink.Tests;

/// <summary>The metrics snapshot counts what the sink did and how far behind it is per partition.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task The_snapshot_counts_records_rows_per_table_batches_and_the_lag_of_each_partition()
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 1);
        for (var i = 0; i < 30; i++)
        {
            log.Event(0, $"evt-{i}");
        }

        SinkMetricsSnapshot? during = null;
        SinkWorker? worker = null;
        var store = new FaultyStore(SharedStore.Instance)
        {
            // Seen while the second batch is being stored: the first was committed, the lag refreshed.
            BeforeInsert = (table, _) =>
            {
                if (table.EndsWith(".raw_events", StringComparison.Ordinal) && worker!.Metrics.Snapshot().Batches == 1)
                {
                    during ??= worker.Metrics.Snapshot();
                }

                return null;
            },
        };
        using (worker = SinkRun.Steady(log, 10, db, store))
        {
            Assert.Null(await SinkRun.DrainAsync(worker, log));
        }

        var lag = Assert.Single(during!.Lag, l => l.Topic == TopicRecords.Events);
        Assert.Equal(20, lag.Lag);
        var after = worker.Metrics.Snapshot();
        Assert.Equal(30, after.RecordsRead);
        Assert.Equal(3, after.Batches);
        Assert.Equal(30, Assert.Single(after.RowsStored, r => r.Key == "raw_events").Value);
        Assert.Equal(3, after.Commits);
        Assert.Equal(0, after.TotalLag);
        Assert.All(after.Lag, l => Assert.Contains(new PartitionId(l.Topic, l.Partition), log.Partitions));
        Assert.NotNull(after.LastStoredAt);
    }
}
