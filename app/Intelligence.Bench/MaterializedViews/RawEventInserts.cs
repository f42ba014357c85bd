using System.Diagnostics;
using System.Text;
using Intelligence.Analytics;
using static Intelligence.Bench.MaterializedViews.ViewSchema;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// The raw lines into <c>events_raw</c> in batches, as a ClickHouse user would load a file: no
/// gate in front, format LineAsString, so every line lands, bad ones included, and the views parse.
/// JSONEachRow was tried first and is the wrong tool here: a truncated line makes its parser read on
/// into the next lines, and with <c>input_format_allow_errors_ratio</c> the rest of the batch is
/// then skipped as one bad row, silently (in an 8,000-line workload, 7,707 lines were lost so).
/// </summary>
public static class RawEventInserts
{
    public const int BatchLines = 20_000;

    private const string Insert = $"INSERT INTO {Database}.events_raw FORMAT LineAsString\n";

    /// <summary>Inserts every line; returns the seconds the inserts (and the views they fire) took.</summary>
    public static async Task<double> RunAsync(IAnalyticsStore store, WorkloadLines lines, IProgress<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var first = 0; first < lines.Count; first += BatchLines)
        {
            // The store streams inserts only as JSONEachRow, so the batch travels inline after FORMAT.
            var count = Math.Min(BatchLines, lines.Count - first);
            await store.ExecuteAsync(Insert + Encoding.UTF8.GetString(lines.Batch(first, count).Span), ct);
            progress?.Report($"{MaterializedViewApproach.Name}: {first + count:N0} of {lines.Count:N0} lines inserted");
        }

        return clock.Elapsed.TotalSeconds;
    }
}
