using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intelligence.Ingest;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Rows;

/// <summary>
/// A dead-letter-topic record, already a row of <c>dead_letters</c>, stored as it is. Ingest writes
/// its dead letters before the broker gives them a place (position -1): those get the record's own
/// partition and offset, as the embedded log's dead letters have theirs.
/// </summary>
internal static class DeadLetterRecordRows
{
    public static RowTarget Write(Utf8JsonWriter json, IBufferWriter<byte> rows, SinkRecord record)
    {
        JsonObject? row;
        try
        {
            row = JsonRows.IsOneObject(record.Value.Span) ? JsonNode.Parse(record.Value.Span) as JsonObject : null;
        }
        catch (JsonException)
        {
            row = null;
        }

        if (row is null)
        {
            return SinkDeadLetters.Write(json, record, SinkDeadLetters.SourceOf(record), SinkDeadLetters.MalformedRow,
                "the dead letter is not one JSON object");
        }

        if (IsPlaced(row))
        {
            rows.Write(record.Value.Span);
        }
        else
        {
            row["log_partition"] = record.Partition.Partition;
            row["log_offset"] = record.Offset;
            row.WriteTo(json);
        }

        return new RowTarget(DeadLetterRow.Table);
    }

    private static bool IsPlaced(JsonObject row) =>
        row["log_partition"] is JsonValue partition && partition.TryGetValue<long>(out var p) && p >= 0
        && row["log_offset"] is JsonValue offset && offset.TryGetValue<long>(out var o) && o >= 0;
}
