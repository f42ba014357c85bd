using System.Buffers;
using System.Text.Json;
using Intelligence.Analytics.Migrations;
using Intelligence.Kafka;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Rows;

/// <summary>
/// An outputs-topic record as a row of the table its <c>table</c> header names, stored as it is.
/// Only tables the migrations create are written, so no text from a record reaches SQL; any other
/// name, or a value that is not one JSON object, makes a dead letter.
/// </summary>
internal static class OutputRows
{
    /// <summary>The tables a record may name: every migrated table but the sink's own bookkeeping.</summary>
    public static IReadOnlySet<string> Tables { get; } =
        MigrationCatalog.Tables.Where(t => t != Recovery.SinkProgress.Table).ToHashSet(StringComparer.Ordinal);

    /// <summary>Copies the row into <paramref name="rows"/>, or writes a dead letter with <paramref name="json"/>.</summary>
    public static RowTarget Write(Utf8JsonWriter json, IBufferWriter<byte> rows, SinkRecord record)
    {
        var table = record.Header(RecordHeaders.Table);
        if (table is null || !Tables.Contains(table))
        {
            var named = table is null ? "no table header" : $"header table '{SinkDeadLetters.Shorten(table)}'";
            return SinkDeadLetters.Write(json, record, SinkDeadLetters.SourceOf(record), SinkDeadLetters.UnknownTable,
                $"the record has {named}, which is no table of the analytics schema", eventType: table is null ? null : SinkDeadLetters.Shorten(table));
        }

        if (!JsonRows.IsOneObject(record.Value.Span))
        {
            return SinkDeadLetters.Write(json, record, SinkDeadLetters.SourceOf(record), SinkDeadLetters.MalformedRow,
                $"the row for {table} is not one JSON object");
        }

        rows.Write(record.Value.Span);
        return new RowTarget(table);
    }
}
