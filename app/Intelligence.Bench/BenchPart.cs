using Intelligence.Bench.Approaches;
using Intelligence.Bench.MaterializedViews;
using Intelligence.Embedded;
using Microsoft.Extensions.Logging;

namespace Intelligence.Bench;

/// <summary>One approach, run in this process on one workload file (the child side of <see cref="ChildProcess"/>).</summary>
public static class BenchPart
{
    public static async Task<Measurement> RunAsync(string part, string input, string scratch, EmbeddedOptions options,
        double rate, int streamizEvents, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        return part switch
        {
            BenchParts.Embedded => await EmbeddedApproach.RunAsync(input, scratch, options, loggers, cancellationToken),
            BenchParts.Bound => await BoundApproach.RunAsync(input, scratch, cancellationToken),
            BenchParts.Stages => await StageProfile.RunAsync(input, scratch, options, cancellationToken),
            BenchParts.Streamiz => StreamizApproach.Run(input, options.Processors, streamizEvents),
            BenchParts.ClickHouseViews => await MaterializedViewApproach.RunAsync(input, scratch, null, cancellationToken),
            BenchParts.Latency => await LatencyApproach.RunAsync(input, scratch, options, rate, loggers, cancellationToken),
            BenchParts.FoldState => FoldStateSize.Run(input, options.Processors, options.Reader),
            _ => throw new ArgumentException($"Unknown bench part '{part}'. Parts: {string.Join(", ", BenchParts.All)}."),
        };
    }
}
