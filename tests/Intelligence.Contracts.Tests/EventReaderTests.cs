using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;
using Intelligence.Testing;

namespace Intelligence.Contracts.Tests;

public sealed class EventReaderTests
{
    private static readonly EventReader Reader = new(new EventReaderOptions(), TimeProvider.System);

    private static ReadOutcome Read(byte[] json) => Reader.Read(json, SamplePayloads.Now);

    public static TheoryData<string> AllTypes() => new(EventTypes.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_event_type_accepts_a_valid_event(string typeName)
    {
        EventTypes.TryFind(typeName, out var type);
        var outcome = Read(EventBuilder.Of(type).Build());

        Assert.True(outcome.IsAccepted, outcome.Rejection?.ToString());
        Assert.Equal(type, outcome.Accepted!.Type);
        Assert.Equal(type.Family, outcome.Accepted.Family);
    }

    [Fact]
    public void An_accepted_event_keeps_its_envelope_and_the_payload_text()
    {
        var bytes = EventBuilder.Of(EventTypes.StockReceived).WithId("evt-7").From("3pl-north").WithKey("SKU-1@DC-EAST").Build();

        var accepted = Read(bytes).Accepted!;

        Assert.Equal("evt-7", accepted.Id);
        Assert.Equal("3pl-north", accepted.Source);
        Assert.Equal("SKU-1@DC-EAST", accepted.Key);
        Assert.Equal(SamplePayloads.Now, accepted.OccurredAt);
        Assert.Equal(100, JsonNode.Parse(accepted.PayloadJson.Utf8.Span)!["quantity"]!.GetValue<int>());
    }

    public static TheoryData<string, RejectReason, byte[]> Rejections()
    {
        var order = EventTypes.OrderPlaced;
        var stock = EventTypes.StockReceived;
        var data = new TheoryData<string, RejectReason, byte[]>
        {
            { "truncated JSON", RejectReason.MalformedJson, Encoding.UTF8.GetBytes("""{"id":"e1","type":"stock.rec""") },
            { "not JSON at all", RejectReason.MalformedJson, Encoding.UTF8.GetBytes("hello, world") },
            { "invalid UTF-8", RejectReason.InvalidEncoding, [.. Encoding.UTF8.GetBytes("""{"id":"e"""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")] },
            { "nesting too deep", RejectReason.TooDeep, Encoding.UTF8.GetBytes(new string('[', 40) + new string(']', 40)) },
            { "oversize", RejectReason.OversizePayload, EventBuilder.Of(stock).Edit(j => j["payload"]!["reference"] = new string('x', 70_000)).Build() },
            { "quantity as a string", RejectReason.WrongType, EventBuilder.Of(stock).Edit(j => j["payload"]!["quantity"] = "5").Build() },
            { "event as an array", RejectReason.WrongType, Encoding.UTF8.GetBytes("[1,2,3]") },
            { "payload as a number", RejectReason.WrongType, EventBuilder.Of(stock).Edit(j => j["payload"] = 5).Build() },
            { "missing id", RejectReason.MissingField, EventBuilder.Of(stock).Edit(j => j.Remove("id")).Build() },
            { "missing payload field", RejectReason.MissingField, EventBuilder.Of(stock).Edit(j => j["payload"]!.AsObject().Remove("sku")).Build() },
            { "missing occurredAt", RejectReason.MissingField, EventBuilder.Of(stock).Edit(j => j.Remove("occurredAt")).Build() },
            { "extra payload field", RejectReason.UnknownField, EventBuilder.Of(stock).Edit(j => j["payload"]!["colour"] = "red").Build() },
            { "extra envelope field", RejectReason.UnknownField, EventBuilder.Of(stock).Edit(j => j["trace"] = "x").Build() },
            { "negative quantity", RejectReason.InvalidValue, EventBuilder.Of(stock).Edit(j => j["payload"]!["quantity"] = -3).Build() },
            { "absurd quantity", RejectReason.InvalidValue, EventBuilder.Of(stock).Edit(j => j["payload"]!["quantity"] = 2_000_000_000).Build() },
            { "bad currency", RejectReason.InvalidValue, EventBuilder.Of(order).Edit(j => j["payload"]!["currency"] = "euro").Build() },
            { "unknown channel", RejectReason.InvalidValue, EventBuilder.Of(order).Edit(j => j["payload"]!["channel"] = "fax").Build() },
            { "control characters", RejectReason.InvalidValue, EventBuilder.Of(stock).Edit(j => j["payload"]!["sku"] = "SKU\u0001").Build() },
            { "a price that overflows the discount rule", RejectReason.InvalidValue, EventBuilder.Of(order).Edit(j =>
                {
                    j["payload"]!["lines"]![0]!["unitPrice"] = JsonNode.Parse("79228162514264337593543950335");
                    j["payload"]!["lines"]![0]!["discount"] = 1;
                }).Build() },
            { "a number beyond decimal", RejectReason.InvalidValue, EventBuilder.Of(order).Edit(j => j["payload"]!["shippingCharged"] = JsonNode.Parse("1e400")).Build() },
            { "empty order lines", RejectReason.InvalidValue, EventBuilder.Of(order).Edit(j => j["payload"]!["lines"] = new JsonArray()).Build() },
            { "unknown type", RejectReason.UnknownType, EventBuilder.Of(stock).Edit(j => j["type"] = "stock.teleported").Build() },
            { "unknown schema version", RejectReason.UnknownSchemaVersion, EventBuilder.Of(stock).Edit(j => j["schemaVersion"] = 9).Build() },
            { "a year ahead", RejectReason.EventTimeInFuture, EventBuilder.Of(stock).At(SamplePayloads.Now.AddYears(1)).Build() },
            { "ten years old", RejectReason.EventTimeTooOld, EventBuilder.Of(stock).At(SamplePayloads.Now.AddYears(-10)).Build() },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Bad_input_is_rejected_with_its_reason_and_a_detail(string what, RejectReason expected, byte[] input)
    {
        var outcome = Read(input);

        Assert.False(outcome.IsAccepted, what);
        Assert.Equal(expected, outcome.Rejection!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Rejection.Detail));
    }

    [Fact]
    public void Every_reject_reason_is_exercised_by_a_test_and_has_a_distinct_code()
    {
        var covered = Rejections().Select(row => (RejectReason)row[1]).ToHashSet();
        var all = Enum.GetValues<RejectReason>();

        Assert.Empty(all.Except(covered));
        Assert.Equal(all.Length, all.Select(r => r.Code()).Distinct().Count());
    }

    [Fact]
    public void A_rejection_names_the_field_and_keeps_what_the_envelope_said()
    {
        var bytes = EventBuilder.Of(EventTypes.OrderPlaced).WithId("evt-bad").From("webstore")
            .Edit(j => j["payload"]!["lines"]![0]!["quantity"] = -1).Build();

        var outcome = Read(bytes);

        Assert.Contains("payload.lines[0].quantity", outcome.Rejection!.Detail, StringComparison.Ordinal);
        Assert.Equal("evt-bad", outcome.EventId);
        Assert.Equal("order.placed", outcome.TypeName);
        Assert.Equal("webstore", outcome.Source);
    }

    [Fact]
    public void Event_time_is_judged_against_the_clock_it_is_given()
    {
        var bytes = EventBuilder.Of(EventTypes.StockReceived).At(SamplePayloads.Now.AddDays(30)).Build();

        Assert.False(Reader.Read(bytes, SamplePayloads.Now).IsAccepted);
        Assert.True(Reader.Read(bytes, SamplePayloads.Now.AddDays(30)).IsAccepted);
    }
}
