using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// A dead letter on the dead-letter topic, as a row of <c>dead_letters</c> (the columns ingest
/// writes): an input that could not be read, with the reader's reason, or a fold message no fold can
/// read (<c>unreadable_message</c>). A fold or router that throws is a row of <c>processing_failures</c>
/// on the outputs topic instead, as in the embedded runtime.
/// </summary>
public static class DeadLetterRecords
{
    public const string UnreadableMessage = "unreadable_message";

    /// <summary>Where the input was read from: the topic's partition and offset, and the record's time.</summary>
    public readonly record struct Origin(DateTimeOffset ReceivedAt, int Partition, long Offset);

    public static byte[] Rejected(ReadOutcome outcome, ReadOnlySpan<byte> raw, Origin origin)
    {
        var rejection = outcome.Rejection!;
        return Row(origin, outcome.Source ?? "", rejection.Code, rejection.Detail, outcome.EventId, outcome.TypeName, raw);
    }

    public static byte[] Unreadable(string problem, ReadOnlySpan<byte> raw, Origin origin) =>
        Row(origin, "", UnreadableMessage, problem, null, null, raw);

    private static byte[] Row(Origin origin, string source, string reason, string detail, string? eventId, string? eventType,
        ReadOnlySpan<byte> raw)
    {
        using var buffer = new MemoryStream(256 + raw.Length);
        using (var row = new Utf8JsonWriter(buffer))
        {
            DeadLetterRow.Write(row, new DeadLetterRow.Refusal(origin.ReceivedAt, source, reason, detail, eventId, eventType, raw.Length),
                raw, new LogPosition(origin.Partition, origin.Offset));
        }

        return buffer.ToArray();
    }
}
