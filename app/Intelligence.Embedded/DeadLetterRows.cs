using System.Text.Json;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>A refused input as a row of <c>dead_letters</c>, at its place in the in-process log.</summary>
public static class DeadLetterRows
{
    public const string Table = DeadLetterRow.Table;

    public static void Write(Utf8JsonWriter row, LogRecord<DeadLetter> record) =>
        DeadLetterRow.Write(row, record.Value, record.Position);
}
