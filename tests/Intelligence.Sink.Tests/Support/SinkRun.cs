using System.Globalization;
using Intelligence.Analytics;
using Intelligence.Sink.Consuming;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Intelligence.Sink.Tests.Support;

/// <summary>Runs a worker over a fake log until it has committed everything (or failed), and reads what the store holds.</summary>
public static class SinkRun
{
    public const string Group = "test-sink";

    public static KafkaSinkOptions Options(string database, int maxBatchRows = 50_000, TimeSpan? linger = null) => new()
    {
        GroupId = Group,
        Database = database,
        MaxBatchRows = maxBatchRows,
        Linger = linger ?? TimeSpan.FromMilliseconds(20),
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(10),
    };

    /// <summary>
    /// A worker whose time moves only while its consumer waits for records, so batches are cut by
    /// rows, and by linger only once the log is drained, whatever the machine's load.
    /// </summary>
    public static SinkWorker Steady(FakeKafkaLog log, int maxBatchRows, string database, IAnalyticsStore? store = null,
        IReadOnlyList<PartitionId>? holds = null, Func<int, Exception?>? commitFault = null)
    {
        var clock = new FakeTimeProvider(TopicRecords.Start);
        var consumer = new FakeConsumer(log, Group, holds, clock.Advance) { CommitFault = commitFault };
        return Worker(consumer, Options(database, maxBatchRows, TimeSpan.FromMinutes(1)), store, clock);
    }

    public static SinkWorker Worker(ISinkConsumer consumer, KafkaSinkOptions options, IAnalyticsStore? store = null,
        TimeProvider? clock = null) =>
        new(consumer, options, store ?? SharedStore.Instance, NullLoggerFactory.Instance, clock ?? TimeProvider.System);

    /// <summary>Runs until <paramref name="done"/> (default: the group committed every record) or until the worker fails; returns its failure.</summary>
    public static async Task<Exception?> UntilAsync(SinkWorker worker, Func<bool> done, TimeSpan? timeout = null)
    {
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => worker.RunAsync(stop.Token));
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!run.IsCompleted && !done())
        {
            if (DateTime.UtcNow > deadline)
            {
                await stop.CancelAsync();
                await run;
                throw new TimeoutException("The sink did not finish in time.");
            }

            await Task.Delay(10);
        }

        await stop.CancelAsync();
        try
        {
            await run;
            return null;
        }
        catch (Exception ex) when (ex is SimulatedCrashException or SinkFailedException)
        {
            return ex;
        }
    }

    public static Task<Exception?> DrainAsync(SinkWorker worker, FakeKafkaLog log) => UntilAsync(worker, () => log.AllCommitted(Group));

    public static async Task<long> CountAsync(string database, string table, string where = "1")
    {
        var result = await SharedStore.Instance.QueryAsync($"SELECT count() FROM {database}.{table} WHERE {where}", "TabSeparated");
        return long.Parse(result.Text.Trim(), CultureInfo.InvariantCulture);
    }

    public static async Task<string[]> LinesAsync(string sql)
    {
        var result = await SharedStore.Instance.QueryAsync(sql, "TabSeparated");
        return result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
