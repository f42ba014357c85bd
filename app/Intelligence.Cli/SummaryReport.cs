using System.Text;
using Intelligence.Alerting;
using Intelligence.Embedded;

namespace Intelligence.Cli;

/// <summary>The closing account of a run, as a person reads it.</summary>
public static class SummaryReport
{
    public static string Render(RunSummary s, string dataDirectory, IEnumerable<RouteCounts>? alertRoutes = null)
    {
        var text = new StringBuilder();
        var rate = s.Received / Math.Max(s.Elapsed.TotalSeconds, 0.001);
        text.AppendLine();
        text.AppendLine($"Run {s.RunId} finished in {s.Elapsed.TotalSeconds:F1} s ({rate:N0} inputs/s)");
        text.AppendLine($"  received       {s.Received,12:N0}");
        text.AppendLine($"  stored         {s.Stored,12:N0}   rows in raw_events added: {s.StoreEventRowsAdded:N0}");
        text.AppendLine($"  dead-lettered  {s.DeadLettered,12:N0}   rows in dead_letters added: {s.StoreDeadLetterRowsAdded:N0}");
        text.AppendLine($"  duplicates     {s.Duplicates,12:N0}   (dropped, counted)");
        text.AppendLine($"  processed      {s.Processed,12:N0}   by the processors, {s.ProcessorRows:N0} rows written"
            + (s.ProcessingFailures > 0 ? $", {s.ProcessingFailures:N0} fold failures in processing_failures" : ""));
        foreach (var (reason, count) in s.Ingest.RejectsByReason.OrderByDescending(r => r.Value))
        {
            text.AppendLine($"    {reason,-24} {count,10:N0}");
        }

        text.AppendLine(s.Balances
            ? $"  every input accounted for: {s.Received:N0} = {s.Stored:N0} + {s.DeadLettered:N0} + {s.Duplicates:N0}, and all {s.Processed:N0} stored events processed"
            : $"  ACCOUNT DOES NOT BALANCE: received {s.Received:N0} vs stored + dead-lettered + duplicates {s.Stored + s.DeadLettered + s.Duplicates:N0}; store rows added {s.StoreEventRowsAdded:N0} + {s.StoreDeadLetterRowsAdded:N0}; processed {s.Processed:N0}");
        foreach (var route in alertRoutes ?? [])
        {
            text.AppendLine($"  alert notices to {route.Channel} '{route.Route}': {route.Delivered:N0} delivered"
                + (route.Retried > 0 ? $", {route.Retried:N0} retries" : "")
                + (route.Failed > 0 ? $", {route.Failed:N0} FAILED" : "")
                + (route.Dropped > 0 ? $", {route.Dropped:N0} DROPPED (queue full)" : "")
                + (route.Pending > 0 ? $", {route.Pending:N0} left undelivered at the drain timeout" : ""));
        }

        text.AppendLine();
        text.AppendLine("Query it:");
        var data = dataDirectory == "data" ? "" : $" --data {dataDirectory}";
        text.AppendLine($"  ./intelligence sql \"SELECT family, type, count() AS events FROM raw_events GROUP BY ALL ORDER BY ALL\"{data}");
        text.AppendLine($"  ./intelligence sql \"SELECT reason, source, count() AS inputs, any(detail) AS example FROM dead_letters GROUP BY ALL ORDER BY inputs DESC\"{data}");
        text.AppendLine($"  ./intelligence sql \"SELECT * FROM data_quality_by_source ORDER BY received DESC\"{data}");
        text.AppendLine($"  ./intelligence sql \"SELECT severity, kind, entity, cause, next_action FROM open_alerts\"{data}");
        return text.ToString();
    }
}
