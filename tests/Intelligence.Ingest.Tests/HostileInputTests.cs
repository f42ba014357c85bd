using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Testing;

namespace Intelligence.Ingest.Tests;

/// <summary>
/// Broken and hostile inputs through the gate, one kind at a time. Each gets an answer with a clear
/// reason (or is taken as data when it is only odd), is counted, and the gate goes on taking good events.
/// </summary>
public sealed class HostileInputTests
{
    private static byte[] Order(Action<JsonObject> edit) => EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-7-placed").Edit(edit).Build();

    private static JsonObject Line(JsonObject e) => e["payload"]!["lines"]![0]!.AsObject();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Nested(int depth) => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    public static TheoryData<string, byte[], string> Inputs() => new()
    {
        { "truncated JSON", EventBuilder.Of(EventTypes.OrderPlaced).Build()[..40], "malformed_json" },
        { "not JSON at all", Utf8("order placed: 2 x SKU-1"), "malformed_json" },
        { "empty input", [], "malformed_json" },
        { "a JSON array, not an object", Utf8("[1,2,3]"), "wrong_type" },
        { "NaN as a number", Utf8(Encoding.UTF8.GetString(Order(_ => { })).Replace("\"quantity\":2", "\"quantity\":NaN", StringComparison.Ordinal)), "malformed_json" },
        { "wrong type: quantity as text", Order(e => Line(e)["quantity"] = "two"), "wrong_type" },
        { "missing envelope field: id", Order(e => e.Remove("id")), "missing_field" },
        { "missing payload field: order id", Order(e => e["payload"]!.AsObject().Remove("orderId")), "missing_field" },
        { "extra envelope field", Order(e => e["debug"] = true), "unknown_field" },
        { "extra payload field", Order(e => e["payload"]!["coupon"] = "FREE"), "unknown_field" },
        { "huge payload", Order(e => e["payload"]!["customerId"] = new string('x', 70_000)), "oversize_payload" },
        { "deeply nested JSON", Nested(2_000), "too_deep" },
        { "invalid UTF-8", [.. Order(_ => { })[..30], 0xC3, 0x28, .. Order(_ => { })[30..]], "invalid_encoding" },
        { "control character in the id", Order(e => e["id"] = "ord-7\u0000placed"), "invalid_value" },
        { "id longer than allowed", Order(e => e["id"] = new string('o', 500)), "invalid_value" },
        { "negative quantity", Order(e => Line(e)["quantity"] = -3), "invalid_value" },
        { "absurd price", Order(e => Line(e)["unitPrice"] = 1e30), "invalid_value" },
        { "unknown event type", Order(e => e["type"] = "order.teleported"), "unknown_type" },
        { "unknown schema version", Order(e => e["schemaVersion"] = 99), "unknown_schema_version" },
        { "event time far in the future", Order(e => e["occurredAt"] = "2099-01-01T00:00:00Z"), "event_time_in_future" },
        { "event time far in the past", Order(e => e["occurredAt"] = "1999-01-01T00:00:00Z"), "event_time_too_old" },
        { "event time not a time", Order(e => e["occurredAt"] = "yesterday"), "wrong_type" },
        { "SQL in a text field", Order(e => e["payload"]!["customerId"] = "'; DROP TABLE raw_events; --"), "accepted" },
        { "right-to-left and zero-width characters", Order(e => e["payload"]!["customerId"] = "C-\u202E1\u200B"), "accepted" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Each_kind_gets_its_reason_is_counted_and_the_gate_goes_on(string kind, byte[] input, string expected)
    {
        var rig = new GateRig();

        var result = await rig.SubmitAsync(input);
        var next = await rig.SubmitAsync(EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-8-placed").Build());

        var answer = result.Status == IngestStatus.Accepted ? "accepted" : result.Rejection?.Code;
        Assert.True(expected == answer, $"{kind}: expected {expected}, got {answer} ({result.Rejection?.Detail})");
        Assert.Equal(IngestStatus.Accepted, next.Status);
        var totals = rig.Gate.Counters.Snapshot();
        Assert.Equal(2, totals.Received);
        Assert.Equal(totals.Received, totals.Accepted + totals.Duplicates + totals.Rejected);
        var letters = await GateRig.DrainAsync(rig.DeadLetters);
        if (expected != "accepted")
        {
            var letter = Assert.Single(letters);
            Assert.Equal(expected, letter.Rejection.Code);
            Assert.False(string.IsNullOrWhiteSpace(letter.Rejection.Detail), $"{kind}: the reason has no sentence");
            Assert.Equal(Math.Min(input.Length, DeadLetter.MaxRawBytes), letter.Raw.Length);
        }
    }

    [Fact]
    public async Task An_event_sent_twice_is_taken_once_and_the_copy_counted_as_a_duplicate()
    {
        var rig = new GateRig();
        var input = EventBuilder.Of(EventTypes.OrderPlaced).WithId("ord-9-placed").Build();

        var results = new[] { await rig.SubmitAsync(input), await rig.SubmitAsync(input) };

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Duplicate], results.Select(r => r.Status));
        Assert.Equal(1, rig.Gate.Counters.Snapshot().Duplicates);
    }
}
