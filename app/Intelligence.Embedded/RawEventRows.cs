using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>An accepted event as a row of <c>raw_events</c>.</summary>
public static class RawEventRows
{
    public const string Table = "raw_events";

    public static void Write(Utf8JsonWriter row, LogRecord<AcceptedEvent> record)
    {
        var accepted = record.Value;
        var e = accepted.Event;
        row.WriteStartObject();
        row.WriteString("event_id", e.Id);
        row.WriteString("family", e.Family.ToWire());
        row.WriteString("type", e.Type.Name);
        row.WriteString("source", e.Source);
        row.WriteString("occurred_at", StoreTime.Format(e.OccurredAt));
        row.WriteString("received_at", StoreTime.Format(accepted.ReceivedAt));
        row.WriteNumber("schema_version", e.SchemaVersion);
        row.WriteString("partition_key", e.Key);
        row.WriteNumber("log_partition", record.Position.Partition);
        row.WriteNumber("log_offset", record.Position.Offset);
        row.WriteString("payload", e.PayloadJson);
        row.WriteEndObject();
    }
}
