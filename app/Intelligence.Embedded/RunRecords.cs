using System.Buffers;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.Simulator;

namespace Intelligence.Embedded;

/// <summary>
/// Writes a run's account (<c>pipeline_runs</c>) and a simulation's ground truth (<c>scenario_truth</c>),
/// each with a token made from the run id: a run resumed after a crash that had written them already stores them once.
/// </summary>
public static class RunRecords
{
    public static async Task SaveRunAsync(IAnalyticsStore store, string database, RunSummary summary, string source,
        string settings, CancellationToken ct)
    {
        var rows = new ArrayBufferWriter<byte>();
        using (var row = new Utf8JsonWriter(rows))
        {
            row.WriteStartObject();
            row.WriteString("run_id", summary.RunId);
            row.WriteString("started_at", StoreTime.Format(summary.StartedAt));
            row.WriteString("finished_at", StoreTime.Format(summary.FinishedAt));
            row.WriteString("source", source);
            row.WriteNumber("received", summary.Received);
            row.WriteNumber("stored", summary.Stored);
            row.WriteNumber("dead_lettered", summary.DeadLettered);
            row.WriteNumber("duplicates", summary.Duplicates);
            row.WriteStartObject("rejects_by_reason");
            foreach (var (reason, count) in summary.Ingest.RejectsByReason)
            {
                row.WriteNumber(reason, count);
            }

            row.WriteEndObject();
            row.WriteString("settings", settings);
            row.WriteEndObject();
        }

        await store.InsertAsync($"{database}.pipeline_runs", rows.WrittenMemory, InsertToken.For($"{database}.pipeline_runs", summary.RunId), ct).ConfigureAwait(false);
    }

    public static async Task SaveTruthAsync(IAnalyticsStore store, string database, string runId,
        IReadOnlyList<ScenarioTruth> truth, CancellationToken ct)
    {
        if (truth.Count == 0)
        {
            return;
        }

        var rows = new ArrayBufferWriter<byte>();
        foreach (var t in truth)
        {
            using (var row = new Utf8JsonWriter(rows))
            {
                row.WriteStartObject();
                row.WriteString("run_id", runId);
                row.WriteString("scenario", t.Scenario.ToName());
                row.WriteString("entity_kind", t.EntityKind);
                row.WriteString("entity_id", t.EntityId);
                row.WriteString("description", t.Description);
                row.WriteString("starts_at", StoreTime.Format(t.StartsAt));
                row.WriteString("ends_at", StoreTime.Format(t.EndsAt));
                row.WriteStartObject("details");
                foreach (var (key, value) in t.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    row.WriteString(key, value);
                }

                row.WriteEndObject();
                row.WriteEndObject();
            }

            rows.Write("\n"u8);
        }

        await store.InsertAsync($"{database}.scenario_truth", rows.WrittenMemory, InsertToken.For($"{database}.scenario_truth", runId), ct).ConfigureAwait(false);
    }
}
