using System.Text;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Contracts.Warehouse;
using Intelligence.Testing;

namespace Intelligence.Contracts.Tests;

/// <summary>
/// The reader finds the payload's bytes while it reads the envelope (no document is built of them):
/// wherever the payload stands in the envelope, and whatever precedes it, the accepted event keeps
/// exactly the bytes that were sent, and a payload that is absent, null, not an object or too deep is
/// refused as before.
/// </summary>
public sealed class PayloadPlaceTests
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), new FixedClock(SamplePayloads.Now));

    private const string Payload = """{ "sku" : "SKU-1", "location":"DC-EAST",  "quantity": 100, "reference":"ASN \"7\" \u00e9" }""";

    private static ReadOutcome Read(string json) => Reader.Read(Encoding.UTF8.GetBytes(json), SamplePayloads.Now);

    [Theory]
    [InlineData("""{"payload":PAYLOAD,"id":"e1","type":"stock.received","source":"3pl-north","occurredAt":"2026-11-02T10:00:00Z","schemaVersion":1,"key":"SKU-1@DC-EAST"}""")]
    [InlineData("""{"id":"e1","type":"stock.received","source":"3pl\u002dnorth","occurredAt":"2026-11-02T10:00:00Z","payload":  PAYLOAD  ,"schemaVersion":1,"key":"SKU-1@DC-EAST"}""")]
    [InlineData("""  {"id":"e1","type":"stock.received","source":"3pl-north","occurredAt":"2026-11-02T10:00:00Z","schemaVersion":1,"key":"SKU-1@DC-EAST","Payload":PAYLOAD}  """)]
    public void The_accepted_event_keeps_the_payload_bytes_as_sent_wherever_it_stands(string envelope)
    {
        var outcome = Read(envelope.Replace("PAYLOAD", Payload, StringComparison.Ordinal));

        Assert.True(outcome.IsAccepted, outcome.Rejection?.ToString());
        Assert.Equal(Payload, outcome.Accepted!.PayloadJson.ToString());
        Assert.Equal("ASN \"7\" é", ((StockReceived)outcome.Accepted.Payload).Reference);
    }

    [Theory]
    [InlineData("null", RejectReason.MissingField, "payload is required")]
    [InlineData("[1,2]", RejectReason.WrongType, "not Array")]
    [InlineData("\"SKU-1\"", RejectReason.WrongType, "not String")]
    [InlineData("true", RejectReason.WrongType, "not True")]
    public void A_payload_that_is_not_an_object_is_refused_with_its_kind(string payload, RejectReason reason, string detail)
    {
        var json = EventBuilder.Of(EventTypes.StockReceived).BuildString();
        var outcome = Read(json.Replace(PayloadOf(json), payload, StringComparison.Ordinal));

        Assert.Equal(reason, outcome.Rejection!.Reason);
        Assert.Contains(detail, outcome.Rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(EventTypes.StockReceived.Name, outcome.TypeName);
    }

    [Fact]
    public void A_payload_nested_past_the_depth_limit_is_refused_as_too_deep()
    {
        var deep = new string('[', EventReaderOptions.MaxJsonDepth + 5) + new string(']', EventReaderOptions.MaxJsonDepth + 5);
        var json = EventBuilder.Of(EventTypes.StockReceived).BuildString();
        var outcome = Read(json.Replace(PayloadOf(json), $$"""{"sku":{{deep}}}""", StringComparison.Ordinal));

        Assert.Equal(RejectReason.TooDeep, outcome.Rejection!.Reason);
    }

    [Fact]
    public void A_payload_cut_short_is_malformed_json()
    {
        var json = EventBuilder.Of(EventTypes.StockReceived).BuildString();
        var payload = PayloadOf(json);
        var outcome = Read(json[..(json.IndexOf(payload, StringComparison.Ordinal) + payload.Length / 2)]);

        Assert.Equal(RejectReason.MalformedJson, outcome.Rejection!.Reason);
    }

    private static string PayloadOf(string json)
    {
        var start = json.IndexOf("\"payload\":", StringComparison.Ordinal) + "\"payload\":".Length;
        var end = json.IndexOf('}', start) + 1;
        return json[start..end];
    }
}
