using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Intelligence.EventLog;

namespace Intelligence.Ingest;

/// <summary>
/// A refused input as a row of <c>dead_letters</c>, the one shape every runtime writes (the embedded
/// sink, ingest on Kafka, the Streamiz event intake): bytes that are not UTF-8 are kept as base64.
/// </summary>
public static class DeadLetterRow
{
    public const string Table = "dead_letters";

    /// <summary>Where a dead letter has no place in a log yet (written to Kafka before the broker assigns one).</summary>
    public static readonly LogPosition Unplaced = new(-1, -1);

    public static void Write(Utf8JsonWriter row, DeadLetter letter, LogPosition position) =>
        Write(row, new Refusal(letter.ReceivedAt, letter.Source, letter.Rejection.Code, letter.Rejection.Detail, letter.EventId,
            letter.EventType, letter.RawBytes), letter.Raw.Span, position);

    /// <summary>What a dead-letter row says about a refused input, for writers that refuse with their own codes.</summary>
    public readonly record struct Refusal(DateTimeOffset ReceivedAt, string Source, string Reason, string Detail,
        string? EventId, string? EventType, int RawBytes);

    public static void Write(Utf8JsonWriter row, in Refusal refusal, ReadOnlySpan<byte> raw, LogPosition position)
    {
        var utf8 = Utf8.IsValid(raw);
        row.WriteStartObject();
        row.WriteString("received_at", refusal.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        row.WriteString("source", refusal.Source);
        row.WriteString("reason", refusal.Reason);
        row.WriteString("detail", refusal.Detail);
        row.WriteString("event_id", refusal.EventId ?? "");
        row.WriteString("event_type", refusal.EventType ?? "");
        if (utf8)
        {
            row.WriteString("raw", raw);
        }
        else
        {
            row.WriteBase64String("raw", raw);
        }

        row.WriteString("raw_encoding", utf8 ? "utf8" : "base64");
        row.WriteNumber("raw_bytes", refusal.RawBytes);
        row.WriteNumber("log_partition", position.Partition);
        row.WriteNumber("log_offset", position.Offset);
        row.WriteEndObject();
    }

    public static byte[] ToBytes(DeadLetter letter, LogPosition position)
    {
        using var buffer = new MemoryStream(256 + letter.Raw.Length);
        using (var row = new Utf8JsonWriter(buffer))
        {
            Write(row, letter, position);
        }

        return buffer.ToArray();
    }
}
