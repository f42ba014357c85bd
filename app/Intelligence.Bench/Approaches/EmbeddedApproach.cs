using System.Diagnostics;
using Intelligence.Analytics.Chdb;
using Intelligence.Embedded;
using Intelligence.Ingest.Sources;
using Microsoft.Extensions.Logging;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// The product as a user runs it: the embedded pipeline end to end on the workload file (read,
/// validate, drop duplicates, log, every processor with anomaly scoring, every row into chDB), timed
/// from the first input read to the last row stored. The store's migrations are applied before the clock starts.
/// Besides the collector's figures it reports the process's resident size before the first input and
/// the highest memory chDB tracked during the run (read every second), so that the peak can be taken apart.
/// </summary>
public static class EmbeddedApproach
{
    public const string Name = "embedded";

    public const string ResidentAtStart = "resident before the first input";

    public const string ChdbHighest = "chDB's tracked memory, highest";

    public static async Task<Measurement> RunAsync(string workload, string scratch, EmbeddedOptions options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var arrivals = Workload.Arrivals(workload);
        await using var store = ChdbStore.Open(Scratch.Fresh(scratch, "chdb"));
        await using var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System, loggers, cancellationToken);
        var residentAtStart = PeakMemory.ResidentBytes();
        await using var chdb = ChdbMemory.Start(store, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        await new JsonLinesFileSource(workload, TimeProvider.System, arrivals: arrivals).RunAsync(pipeline.Gate, cancellationToken);
        var read = clock.Elapsed.TotalSeconds;
        var summary = await pipeline.CompleteAsync(TimeProvider.System, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var chdbHighest = await chdb.StopAsync();
        var ingest = summary.Ingest;
        return new Measurement(Name, ingest.Received, seconds, PeakMemory.Bytes())
        {
            Figures =
            [
                new("inputs accepted", ingest.Accepted, "events"),
                new("dead-lettered", ingest.Rejected, "inputs"),
                new("duplicates dropped", ingest.Duplicates, "inputs"),
                new("processor rows stored", summary.ProcessorRows, "rows"),
                new("source done after", read, "s"),
                new("balanced", summary.Balances ? 1 : 0, "bool"),
                new(ResidentAtStart, residentAtStart, "bytes"),
                new(ChdbHighest, chdbHighest, "bytes"),
                .. GcFigures.Now(),
            ],
            Note = "read, validate, log, 16 folds with anomaly scoring, raw events, dead letters and every processor row into chDB",
        };
    }
}
