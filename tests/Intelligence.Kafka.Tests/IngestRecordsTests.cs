using System.Text;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Ingest;
using Intelligence.Kafka;
using Intelligence.Testing;

namespace Intelligence.Kafka.Tests;

public sealed class IngestRecordsTests
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), new FixedClock(SamplePayloads.Now));

    [Fact]
    public void An_event_on_Kafka_reads_back_as_the_same_event_with_the_payload_exactly_as_the_source_sent_it()
    {
        var input = EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-1-placed").Build();
        var accepted = Reader.Read(input, SamplePayloads.Now).Accepted!;
        var receivedAt = SamplePayloads.Now.AddSeconds(3);

        var message = IngestRecords.Event(accepted.Key, new AcceptedEvent(accepted, receivedAt, "http:webstore"));
        var again = Reader.Read(message.Value, SamplePayloads.Now).Accepted!;

        Assert.Equal(accepted.Key, message.Key);
        Assert.Equal(accepted with { Payload = again.Payload }, again);
        Assert.Equal(accepted.PayloadJson, again.PayloadJson);
        Assert.Equal(receivedAt.ToUnixTimeMilliseconds(), message.Timestamp.UnixTimestampMs);
        Assert.True(message.Headers.TryGetLastBytes(IngestRecords.InputSourceHeader, out var source));
        Assert.Equal("http:webstore", Encoding.UTF8.GetString(source));
    }

    [Fact]
    public void A_dead_letter_on_Kafka_is_a_dead_letters_row_with_its_reason_and_no_log_position_yet()
    {
        var letter = DeadLetter.From("{not json"u8, SamplePayloads.Now, "http:webstore",
            new Rejection(RejectReason.MalformedJson, "Expected a property name"), null, null);

        var message = IngestRecords.DeadLetter("http:webstore", letter);
        var row = System.Text.Json.Nodes.JsonNode.Parse(message.Value)!;

        Assert.Equal("malformed_json", (string?)row["reason"]);
        Assert.Equal("{not json", (string?)row["raw"]);
        Assert.Equal(-1, (int?)row["log_partition"]);
        Assert.Equal(-1, (long?)row["log_offset"]);
    }
}
