using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;

namespace Intelligence.Testing;

/// <summary>One broken or hostile input, and the answer it must get: a reason code, or <see cref="HostileInputs.Accepted"/> when it is only odd.</summary>
public sealed record HostileInput(string Kind, byte[] Bytes, string Expected)
{
    public override string ToString() => Kind;
}

/// <summary>
/// The kinds of broken and hostile input every source is tried with (issue 8). Each accepted kind has
/// an id of its own, so that the whole catalogue can travel in one file or batch without duplicates.
/// </summary>
public static class HostileInputs
{
    public const string Accepted = "accepted";

    /// <summary>Strings that would change a statement built by pasting text into SQL; they must be stored as data.</summary>
    public static IReadOnlyList<string> SqlLike { get; } =
    [
        "'; DROP TABLE raw_events; --",
        "\" OR 1=1 --",
        "x' UNION SELECT name, 1 FROM system.tables --",
        "\\'; TRUNCATE TABLE dead_letters; --",
        "{db:Identifier}",
        "?; DELETE FROM stock_positions WHERE 1",
        "`raw_events`",
    ];

    public static IReadOnlyList<HostileInput> All { get; } = Build();

    public static HostileInput Named(string kind) => All.Single(i => i.Kind == kind);

    /// <summary>The kinds by name, for theories (names serialise; byte arrays would fold the cases into one).</summary>
    public static IEnumerable<object[]> Kinds() => All.Select(i => new object[] { i.Kind });

    private static List<HostileInput> Build()
    {
        var n = 0;
        byte[] Event(EventType type, Action<JsonObject> edit) =>
            EventBuilder.Of(type).WithId($"hostile-{Interlocked.Increment(ref n)}").Edit(edit).Build();
        byte[] Order(Action<JsonObject> edit) => Event(EventTypes.OrderPlaced, edit);
        byte[] Text(byte[] valid, string from, string to) =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace(from, to, StringComparison.Ordinal));
        static JsonObject Line(JsonObject e) => e["payload"]!["lines"]![0]!.AsObject();
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        static byte[] Nested(int depth) => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
        var valid = Order(_ => { });
        var stock = EventBuilder.Of(EventTypes.StockReceived).Build();

        return
        [
            new("truncated JSON", EventBuilder.Of(EventTypes.OrderPlaced).Build()[..40], "malformed_json"),
            new("not JSON at all", Utf8("order placed: 2 x SKU-1"), "malformed_json"),
            new("empty input", [], "malformed_json"),
            new("a JSON array, not an object", Utf8("[1,2,3]"), "wrong_type"),
            new("null, not an object", Utf8("null"), "wrong_type"),
            new("NaN as a number", Text(Order(_ => { }), "\"quantity\":2", "\"quantity\":NaN"), "malformed_json"),
            new("a comment in the JSON", [.. Utf8("/* from the ERP */"), .. stock], "malformed_json"),
            new("two events on one line", [.. stock, .. stock], "malformed_json"),
            new("a byte-order mark before the event", [0xEF, 0xBB, 0xBF, .. stock], "malformed_json"),
            new("the id named twice", Text(Order(_ => { }), "\"type\":", "\"id\":\"other-id\",\"type\":"), "malformed_json"),
            new("a payload field named twice", Text(Order(_ => { }), "\"quantity\":2", "\"quantity\":2,\"quantity\":200000"), "malformed_json"),
            new("wrong type: quantity as text", Order(e => Line(e)["quantity"] = "two"), "wrong_type"),
            new("wrong type: fractional quantity", Order(e => Line(e)["quantity"] = 2.5), "wrong_type"),
            new("wrong type: schema version as text", Order(e => e["schemaVersion"] = "1"), "wrong_type"),
            new("missing envelope field: id", Order(e => e.Remove("id")), "missing_field"),
            new("missing payload field: order id", Order(e => e["payload"]!.AsObject().Remove("orderId")), "missing_field"),
            new("payload null", Order(e => e["payload"] = null), "missing_field"),
            new("extra envelope field", Order(e => e["debug"] = true), "unknown_field"),
            new("extra payload field", Order(e => e["payload"]!["coupon"] = "FREE"), "unknown_field"),
            new("huge payload", Order(e => e["payload"]!["customerId"] = new string('x', 70_000)), "oversize_payload"),
            new("deeply nested JSON", Nested(2_000), "too_deep"),
            new("invalid UTF-8", [.. valid[..30], 0xC3, 0x28, .. valid[30..]], "invalid_encoding"),
            new("overlong UTF-8 encoding of '/'", [.. valid[..30], 0xC0, 0xAF, .. valid[30..]], "invalid_encoding"),
            new("escaped lone surrogate", Text(Order(_ => { }), "\"C-1\"", "\"C-\\uD800\""), "invalid_encoding"),
            new("control character in the id", Order(e => e["id"] = "ord-7\u0000placed"), "invalid_value"),
            new("escaped control character in a text field", Text(Order(_ => { }), "\"C-1\"", "\"C-\\u0007\""), "invalid_value"),
            new("id longer than allowed", Order(e => e["id"] = new string('o', 500)), "invalid_value"),
            new("text field longer than allowed", Order(e => e["payload"]!["customerId"] = new string('c', 300)), "invalid_value"),
            new("negative quantity", Order(e => Line(e)["quantity"] = -3), "invalid_value"),
            new("absurd quantity", Order(e => Line(e)["quantity"] = 2_000_000), "invalid_value"),
            new("absurd price", Order(e => Line(e)["unitPrice"] = 1e30), "invalid_value"),
            new("negative payment amount", Event(EventTypes.PaymentCaptured, e => e["payload"]!["amount"] = -25.5), "invalid_value"),
            new("currency not an ISO 4217 code", Event(EventTypes.PaymentCaptured, e => e["payload"]!["currency"] = "euro"), "invalid_value"),
            new("unknown channel", Order(e => e["payload"]!["channel"] = "telegraph"), "invalid_value"),
            new("order with no lines", Order(e => e["payload"]!["lines"] = new JsonArray()), "invalid_value"),
            new("unknown event type", Order(e => e["type"] = "order.teleported"), "unknown_type"),
            new("unknown schema version", Order(e => e["schemaVersion"] = 99), "unknown_schema_version"),
            new("event time far in the future", Order(e => e["occurredAt"] = "2099-01-01T00:00:00Z"), "event_time_in_future"),
            new("event time far in the past", Order(e => e["occurredAt"] = "1999-01-01T00:00:00Z"), "event_time_too_old"),
            new("event time not a time", Order(e => e["occurredAt"] = "yesterday"), "wrong_type"),
            new("event time without an offset", Order(e => e["occurredAt"] = "2026-11-02T11:00:00"), "wrong_type"),
            new("SQL in a text field", Order(e => e["payload"]!["customerId"] = SqlLike[0]), Accepted),
            new("SQL in the id, source and key", Order(e => (e["id"], e["source"], e["key"]) = ($"{SqlLike[1]} {n}", SqlLike[2], SqlLike[3])), Accepted),
            new("right-to-left and zero-width characters", Order(e => e["payload"]!["customerId"] = "C-\u202E1\u200B"), Accepted),
            new("emoji and combining marks", Order(e => e["payload"]!["customerId"] = "C-🧨e\u0301"), Accepted),
            new("a time in another zone", Order(e => e["occurredAt"] = "2026-11-02T13:00:00+02:00"), Accepted),
        ];
    }
}
