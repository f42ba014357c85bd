using System.Text.Json;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// A fold input on the messages topic, under the key whose state it changes: the body's type name,
/// the body, and the <see cref="Message"/> fields it carries from its cause (event time, event id,
/// source, the stream time when the cause arrived). A record with only <c>streamTime</c> is a
/// stream-time marker: it moves the partition's clock and fires the timers due by then.
/// </summary>
public static class MessageRecord
{
    public static byte[] Write(in Message message)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", BodyTypes.NameOf(message.Body.GetType()));
            writer.WritePropertyName("body");
            BodyTypes.Write(writer, message.Body);
            writer.WriteString("at", message.At);
            writer.WriteString("eventId", message.EventId);
            writer.WriteString("source", message.Source);
            writer.WriteString("streamTime", message.StreamTime);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A marker that moves stream time to <paramref name="streamTime"/> on the partition it is written to.</summary>
    public static byte[] StreamTimeMarker(DateTimeOffset streamTime)
    {
        using var buffer = new MemoryStream(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("streamTime", streamTime);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a record; a body type the topology does not consume, or broken JSON, is a problem, never an exception.</summary>
    public static MessageRead Read(byte[]? json, string? key, BodyTypes bodies)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? []);
            var root = document.RootElement;
            var streamTime = root.GetProperty("streamTime").GetDateTimeOffset();
            if (!root.TryGetProperty("type", out var typeName))
            {
                return new MessageRead(null, streamTime, null);
            }

            if (key is null)
            {
                return new MessageRead(null, null, "the message has no key");
            }

            var name = typeName.GetString() ?? "";
            if (!bodies.TryFind(name, out var type))
            {
                return new MessageRead(null, null, $"no fold consumes '{name}'");
            }

            var body = BodyTypes.Read(root.GetProperty("body"), type);
            var message = new Message(key, root.GetProperty("at").GetDateTimeOffset(), root.GetProperty("eventId").GetString()!,
                root.GetProperty("source").GetString()!, streamTime, body);
            return new MessageRead(message, null, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return new MessageRead(null, null, $"the message could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }
}

/// <summary>What a messages-topic record held: a fold input, a stream-time marker, or a problem.</summary>
public readonly record struct MessageRead(Message? Message, DateTimeOffset? Marker, string? Problem);
