using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Intelligence.Contracts;
using Intelligence.Ingest;

namespace Intelligence.Kafka;

/// <summary>
/// What ingest writes to Kafka. An accepted event: key = its partition key, value = its envelope with
/// the payload exactly as the source sent it, record time = when ingest received it, header
/// <c>input-source</c>. A dead letter: value = its <c>dead_letters</c> row (no log position yet: -1).
/// </summary>
public static class IngestRecords
{
    public const string InputSourceHeader = RecordHeaders.InputSource;

    public static Message<string, byte[]> Event(string key, AcceptedEvent accepted)
    {
        var e = accepted.Event;
        using var buffer = new MemoryStream(256 + e.PayloadJson.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            EnvelopeWriter.Write(writer, e);
        }

        return new Message<string, byte[]>
        {
            Key = key,
            Value = buffer.ToArray(),
            Timestamp = new Timestamp(accepted.ReceivedAt),
            Headers = [new Header(InputSourceHeader, Encoding.UTF8.GetBytes(accepted.InputSource))],
        };
    }

    public static Message<string, byte[]> DeadLetter(string key, DeadLetter letter) => new()
    {
        Key = key,
        Value = DeadLetterRow.ToBytes(letter, DeadLetterRow.Unplaced),
        Timestamp = new Timestamp(letter.ReceivedAt),
    };
}
