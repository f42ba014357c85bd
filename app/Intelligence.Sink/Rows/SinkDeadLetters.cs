using System.Text;
using System.Text.Json;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Rows;

/// <summary>
/// A record the sink cannot store where it was meant to go, as a row of <c>dead_letters</c> (the
/// one shape every runtime writes) at its place in its topic, so that nothing read disappears.
/// </summary>
internal static class SinkDeadLetters
{
    /// <summary>An outputs record whose <c>table</c> header names no table of the analytics schema.</summary>
    public const string UnknownTable = "unknown_table";

    /// <summary>An outputs or dead-letter record whose value is not one JSON object.</summary>
    public const string MalformedRow = "malformed_row";

    public static RowTarget Write(Utf8JsonWriter row, SinkRecord record, string source, string reason, string detail,
        string? eventId = null, string? eventType = null)
    {
        var raw = record.Value.Span;
        var kept = raw[..Math.Min(raw.Length, DeadLetter.MaxRawBytes)];
        DeadLetterRow.Write(row, new DeadLetterRow.Refusal(record.Timestamp, source, reason, detail, eventId, eventType, raw.Length),
            kept, new LogPosition(record.Partition.Partition, record.Offset));
        return new RowTarget(DeadLetterRow.Table, reason);
    }

    /// <summary>The input source of a record the sink refuses itself: the topic it came from.</summary>
    public static string SourceOf(SinkRecord record) => $"kafka:{record.Partition.Topic}";

    /// <summary>At most 64 printable characters of text taken from a record, for a detail sentence.</summary>
    public static string Shorten(string text)
    {
        var shown = new StringBuilder(Math.Min(text.Length, 65));
        foreach (var c in text.Take(64))
        {
            shown.Append(char.IsControl(c) ? '?' : c);
        }

        return text.Length > 64 ? shown + "…" : shown.ToString();
    }
}
