using System.Text;
using System.Text.Json.Nodes;

namespace Intelligence.Simulator.Feed;

/// <summary>
/// Makes bad inputs out of a recent good event, re-issued under a fresh id so that it can never be
/// mistaken for (or deduplicated against) the real one: broken bytes that are not JSON at all, and
/// well-formed JSON that breaks one contract rule.
/// </summary>
internal sealed class Corruption(int seed)
{
    private static readonly string[] GatewayPages =
    [
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "upstream request timeout",
        // One line, as every input is: a raw newline would make it two inputs on a JSON-lines file or NDJSON batch.
        "O-1,SKU-00001,1,19.99",
    ];

    private static readonly string[] UnknownTypes = ["order.teleported", "stock.moved", "order.placed.v2", "shipment.lost", "inventory.snapshot"];
    private static readonly string[] EnvelopeFields = ["source", "key", "occurredAt", "schemaVersion", "payload"];
    private static readonly string[] QuantityFields = ["quantity", "countedQuantity", "listedQuantity", "requestedQuantity", "leadTimeDays"];

    private long _issued;

    public byte[] Malformed(Random rng, byte[] template)
    {
        var json = Reissue(template).ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(json);
        switch (rng.Next(4))
        {
            case 0:
                // Cut off mid-flight (a dropped connection, a full disk).
                return bytes[..(bytes.Length / 3 + rng.Next(bytes.Length * 2 / 3 - 1))];
            case 1:
                // A hand-edited or badly templated body: a colon gone missing.
                var colon = json.IndexOf("\":", json.IndexOf("\"source\"", StringComparison.Ordinal), StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(json.Remove(colon + 1, 1).Insert(colon + 1, " "));
            case 2:
                // Latin-1 text sent as if it were UTF-8: a lone 0xE9 inside a string.
                var at = json.IndexOf("\"source\":\"", StringComparison.Ordinal) + 10;
                var broken = new byte[bytes.Length + 1];
                bytes.AsSpan(0, at).CopyTo(broken);
                broken[at] = 0xE9;
                bytes.AsSpan(at).CopyTo(broken.AsSpan(at + 1));
                return broken;
            default:
                // Not JSON at all: an error page from a proxy, or a file export sent to the wrong endpoint.
                return Encoding.UTF8.GetBytes(GatewayPages[rng.Next(GatewayPages.Length)]);
        }
    }

    /// <summary>Valid JSON breaking one rule. <paramref name="withQuantity"/> is a recent event with a quantity, if there is one.</summary>
    public byte[] Violation(Random rng, byte[] template, byte[]? withQuantity, DateTimeOffset now)
    {
        var variant = rng.Next(7);
        var envelope = Reissue(variant == 2 && withQuantity is not null ? withQuantity : template);
        var payload = (JsonObject)envelope["payload"]!;
        switch (variant)
        {
            case 0:
                envelope.Remove(EnvelopeFields[rng.Next(EnvelopeFields.Length)]);
                break;
            case 1:
                if (rng.Next(2) == 0)
                {
                    envelope["schemaVersion"] = "1";
                }
                else
                {
                    envelope["occurredAt"] = now.ToUnixTimeSeconds();
                }

                break;
            case 2 when FirstOf(payload, QuantityFields) is { } owner:
                var field = owner.Field;
                owner.Node[field] = -1 - rng.Next(5);
                break;
            case 2:
            case 3:
                envelope["type"] = UnknownTypes[rng.Next(UnknownTypes.Length)];
                break;
            case 4:
                envelope["schemaVersion"] = 2 + rng.Next(98);
                break;
            case 5:
                // Years ahead (a clock set wrong, a date typed badly): refused live, and by a replay at the recorded
                // arrivals. A replay judged at one instant, the run's end, accepts it when the run is longer than 400 days.
                envelope["occurredAt"] = now.AddDays(400 + rng.Next(3_000)).UtcDateTime.ToString("O");
                break;
            default:
                if (rng.Next(2) == 0)
                {
                    envelope["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
                }
                else
                {
                    payload["giftMessage"] = "Happy birthday!";
                }

                break;
        }

        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private JsonObject Reissue(byte[] template)
    {
        var envelope = (JsonObject)JsonNode.Parse(template)!;
        envelope["id"] = $"evt-{seed}-bad-{++_issued:D6}";
        return envelope;
    }

    /// <summary>The first object (the payload or one of its lines) holding one of <paramref name="fields"/>.</summary>
    private static (JsonObject Node, string Field)? FirstOf(JsonObject node, string[] fields)
    {
        foreach (var field in fields)
        {
            if (node[field] is JsonValue)
            {
                return (node, field);
            }
        }

        foreach (var (_, child) in node)
        {
            if (child is JsonArray { Count: > 0 } array && array[0] is JsonObject first && FirstOf(first, fields) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
