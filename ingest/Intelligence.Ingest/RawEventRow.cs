using System.Globalization;
using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.EventLog;

namespace Intelligence.Ingest;

/// <summary>
/// An accepted event as a row of <c>raw_events</c>, the one shape both runtimes write (the embedded
/// sink from the in-process log, the ClickHouse sink from the events topic): <c>log_partition</c> and
/// <c>log_offset</c> say where it sat in the log it was read from.
/// </summary>
public static class RawEventRow
{
    public const string Table = "raw_events";

    public static void Write(Utf8JsonWriter row, AcceptedEvent accepted, LogPosition position)
    {
        var e = accepted.Event;
        row.WriteStartObject();
        row.WriteString("event_id", e.Id);
        row.WriteString("family", e.Family.ToWire());
        row.WriteString("type", e.Type.Name);
        row.WriteString("source", e.Source);
        row.WriteString("occurred_at", Time(e.OccurredAt));
        row.WriteString("received_at", Time(accepted.ReceivedAt));
        row.WriteNumber("schema_version", e.SchemaVersion);
        row.WriteString("partition_key", e.Key);
        row.WriteNumber("log_partition", position.Partition);
        row.WriteNumber("log_offset", position.Offset);
        row.WriteString("payload", e.PayloadJson);
        row.WriteEndObject();
    }

    // As ClickHouse reads a DateTime64(3, 'UTC') in JSONEachRow, the same text the dead-letter row writes.
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
