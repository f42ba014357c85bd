using System.Text;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>
/// Writes the gate's counts by event source as rows of <c>source_ingest</c> (the latest snapshot per run and source wins),
/// with a token from the run id, so a resumed run that had written them already stores them once.
/// </summary>
public static class SourceIngestRows
{
    public const string Table = "source_ingest";

    public static async Task WriteAsync(IAnalyticsStore store, string database, string runId, IngestTotals totals,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (totals.ByEventSource.Count == 0)
        {
            return;
        }

        var rows = new StringBuilder();
        foreach (var (source, counts) in totals.ByEventSource.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            rows.Append(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["run_id"] = runId, ["source"] = source, ["received"] = counts.Received, ["accepted"] = counts.Accepted,
                ["duplicates"] = counts.Duplicates, ["rejected"] = counts.Rejected, ["snapshot_at"] = StoreTime.Format(at),
            })).Append('\n');
        }

        await store.InsertAsync($"{database}.{Table}", Encoding.UTF8.GetBytes(rows.ToString()),
                InsertToken.For($"{database}.{Table}", runId), cancellationToken)
            .ConfigureAwait(false);
    }
}
