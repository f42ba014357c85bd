using System.Text.Json;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>An accepted event as a row of <c>raw_events</c>, at its place in the in-process log.</summary>
public static class RawEventRows
{
    public const string Table = RawEventRow.Table;

    public static void Write(Utf8JsonWriter row, LogRecord<AcceptedEvent> record) =>
        RawEventRow.Write(row, record.Value, record.Position);
}
