using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>JSONEachRow batches for the tables the pipeline writes: order events for raw_events, counts for kpi_minute.</summary>
public static class BatchRows
{
    private static readonly DateTimeOffset FirstOccurredAt = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="count"/> order events with ids evt-FIRST..; occurred_at plain, received_at ISO 8601, as the pipeline sends both.</summary>
    public static byte[] OrderEvents(int count, int first = 0) => Lines(Enumerable.Range(first, count).Select(i => new Dictionary<string, object>
    {
        ["event_id"] = $"evt-{i}",
        ["family"] = "channel",
        ["type"] = "order_placed",
        ["source"] = "web",
        ["occurred_at"] = FirstOccurredAt.AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        ["received_at"] = FirstOccurredAt.AddSeconds(i + 1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["schema_version"] = 1,
        ["partition_key"] = $"order-{i}",
        ["log_partition"] = 0,
        ["log_offset"] = i,
        ["payload"] = """{"order_id":"o-1","total":"12.50"}""",
    }));

    /// <summary>One orders_placed count per minute for <paramref name="minutes"/> minutes, each of <paramref name="orders"/> orders.</summary>
    public static byte[] OrdersPlacedPerMinute(int minutes, int orders, int firstMinute = 0) => Lines(Enumerable.Range(firstMinute, minutes).Select(m => new Dictionary<string, object>
    {
        ["metric"] = "orders_placed",
        ["entity"] = "channel:web",
        ["minute"] = FirstOccurredAt.AddMinutes(m).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["value"] = orders,
        ["samples"] = orders,
    }));

    private static byte[] Lines(IEnumerable<Dictionary<string, object>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
