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
        var c = Columns(accepted, position);
        row.WriteStartObject();
        row.WriteString("event_id", c.EventId);
        row.WriteString("family", c.Family);
        row.WriteString("type", c.Type);
        row.WriteString("source", c.Source);
        row.WriteString("occurred_at", Time(c.OccurredAt));
        row.WriteString("received_at", Time(c.ReceivedAt));
        row.WriteNumber("schema_version", c.SchemaVersion);
        row.WriteString("partition_key", c.PartitionKey);
        row.WriteNumber("log_partition", c.LogPartition);
        row.WriteNumber("log_offset", c.LogOffset);
        row.WriteString("payload", c.Payload.Span);
        row.WriteEndObject();
    }

    /// <summary>The row's values, for writers that encode them in another format (the embedded sink's RowBinary).</summary>
    public static RawEventColumns Columns(AcceptedEvent accepted, LogPosition position)
    {
        var e = accepted.Event;
        return new RawEventColumns(e.Id, e.Family.ToWire(), e.Type.Name, e.Source, e.OccurredAt, accepted.ReceivedAt, e.SchemaVersion,
            e.Key, position.Partition, position.Offset, e.PayloadJson.Utf8);
    }

    // As ClickHouse reads a DateTime64(3, 'UTC') in JSONEachRow, the same text the dead-letter row writes.
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}

/// <summary>The columns of one <c>raw_events</c> row; each property is the snake_case column of its name (the payload as UTF-8).</summary>
public readonly record struct RawEventColumns(
    string EventId, string Family, string Type, string Source, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt,
    int SchemaVersion, string PartitionKey, int LogPartition, long LogOffset, ReadOnlyMemory<byte> Payload);
