using System.Buffers;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.Analytics.RowBinary;
using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>An accepted event as a row of <c>raw_events</c>, at its place in the in-process log.</summary>
public static class RawEventRows
{
    public const string Table = RawEventRow.Table;

    public static void Write(Utf8JsonWriter row, LogRecord<AcceptedEvent> record) =>
        RawEventRow.Write(row, record.Value, record.Position);

    /// <summary>
    /// The rows as RowBinaryWithNamesAndTypes, against the table's columns as the store declares them:
    /// the payload's text goes in as it is, with no JSON escaping for ClickHouse to undo.
    /// </summary>
    public static TableRows<AcceptedEvent> Binary(TableColumns columns)
    {
        var plan = Plan(columns);
        return (batch, buffer) =>
        {
            plan.WriteHeader(buffer);
            foreach (var record in batch)
            {
                plan.Write(RawEventRow.Columns(record.Value, record.Position), buffer);
            }

            return InsertBody.RowBinary(buffer.WrittenMemory);
        };
    }

    /// <summary>The writer of <see cref="RawEventColumns"/>, each property the snake_case column of its name.</summary>
    public static RowBinaryPlan<RawEventColumns> Plan(TableColumns columns) =>
        RowBinaryPlan.Compile<RawEventColumns>(typeof(RawEventColumns),
            typeof(RawEventColumns).GetProperties().Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p)),
            Table, columns.Of(Table));
}
