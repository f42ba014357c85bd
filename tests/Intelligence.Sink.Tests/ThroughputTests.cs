using System.Diagnostics;
using System.Globalization;
using Intelligence.Analytics.Migrations;
using Intelligence.Sink.Tests.Support;
using Xunit.Abstractions;

namespace Intelligence.Sink.Tests;

/// <summary>
/// Records per second from the fake consumer into chDB through the whole worker (rows, batches,
/// plans, inserts, commits). Run in release, alone: <c>dotnet test tests/Intelligence.Sink.Tests
/// -c Release --filter "Category=Benchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("events", 60_000)]
    [InlineData("kpi rows", 120_000)]
    public async Task Records_per_second_into_chdb(string kind, int records)
    {
        var db = SharedStore.NewDatabase();
        var log = TopicRecords.NewLog(partitions: 6);
        for (var i = 0; i < records; i++)
        {
            if (kind == "events")
            {
                log.Event(i % 6, $"evt-{i}");
            }
            else
            {
                log.Kpi(i % 6, $"store:{i % 50}", i % 600, 1);
            }
        }

        // The schema is applied first so the figure is the sink's alone (the worker finds it applied).
        await Migrator.ApplyAsync(SharedStore.Instance, db);
        using var worker = SinkRun.Steady(log, 20_000, db);
        var clock = Stopwatch.StartNew();
        Assert.Null(await SinkRun.UntilAsync(worker, () => log.AllCommitted(SinkRun.Group), TimeSpan.FromMinutes(5)));
        var elapsed = clock.Elapsed;

        var table = kind == "events" ? "raw_events" : "kpi_minute";
        var stored = kind == "events" ? await SinkRun.CountAsync(db, table) : (long)worker.Metrics.Snapshot().RowsStored[table];
        Assert.Equal(records, stored);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {records:N0} records in {elapsed.TotalSeconds:F2} s (JIT included) = {records / elapsed.TotalSeconds:N0} records/s, {worker.Metrics.Snapshot().Batches} batches"));
    }
}
