using System.Text;
using System.Text.Json;

namespace Intelligence.Analytics.Tests;

/// <summary>Builds JSONEachRow batches for the raw_events table: one order event per row.</summary>
public sealed class RawEventRows
{
    private static readonly DateTimeOffset FirstOccurredAt = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<Dictionary<string, object>> rows = [];

    public static RawEventRows Orders(int count) => new RawEventRows().WithOrders(count);

    public RawEventRows WithOrders(int count)
    {
        for (var i = 0; i < count; i++)
        {
            rows.Add(new Dictionary<string, object>
            {
                ["event_id"] = $"evt-{rows.Count}",
                ["family"] = "channel",
                ["type"] = "order_placed",
                ["source"] = "web",
                // Both timestamp spellings the pipeline may send: plain and ISO 8601 with Z.
                ["occurred_at"] = FirstOccurredAt.AddSeconds(rows.Count).ToString("yyyy-MM-dd HH:mm:ss.fff"),
                ["received_at"] = FirstOccurredAt.AddSeconds(rows.Count + 1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                ["schema_version"] = 1,
                ["partition_key"] = $"order-{rows.Count}",
                ["log_partition"] = 0,
                ["log_offset"] = rows.Count,
                ["payload"] = """{"order_id":"o-1","total":"12.50"}""",
            });
        }

        return this;
    }

    public byte[] ToJsonEachRow()
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
