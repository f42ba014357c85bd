using System.Text.Json;

namespace Intelligence.Contracts;

/// <summary>Writes an event in the wire envelope; the simulator and tests produce their input with it.</summary>
public static class EnvelopeWriter
{
    public static void Write(Utf8JsonWriter writer, string id, EventType type, string source,
        DateTimeOffset occurredAt, string key, IEventPayload payload)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", type.Name);
        writer.WriteString("source", source);
        writer.WriteString("occurredAt", occurredAt.UtcDateTime);
        writer.WriteNumber("schemaVersion", type.CurrentSchemaVersion);
        writer.WriteString("key", key);
        writer.WritePropertyName("payload");
        JsonSerializer.Serialize(writer, payload, type.Payload);
        writer.WriteEndObject();
    }

    public static byte[] ToBytes(string id, EventType type, string source, DateTimeOffset occurredAt, string key,
        IEventPayload payload)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, id, type, source, occurredAt, key, payload);
        }

        return buffer.ToArray();
    }
}
