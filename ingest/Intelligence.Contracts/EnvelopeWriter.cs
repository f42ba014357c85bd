using System.Text.Json;

namespace Intelligence.Contracts;

/// <summary>Writes an event in the wire envelope; the simulator and tests produce their input with it.</summary>
public static class EnvelopeWriter
{
    public static void Write(Utf8JsonWriter writer, string id, EventType type, string source,
        DateTimeOffset occurredAt, string key, IEventPayload payload)
    {
        WriteHeader(writer, id, type, source, occurredAt, type.CurrentSchemaVersion, key);
        JsonSerializer.Serialize(writer, payload, type.Payload);
        writer.WriteEndObject();
    }

    /// <summary>An accepted event again in its envelope, with its schema version and the payload exactly as the source sent it.</summary>
    public static void Write(Utf8JsonWriter writer, RetailEvent e)
    {
        WriteHeader(writer, e.Id, e.Type, e.Source, e.OccurredAt, e.SchemaVersion, e.Key);
        writer.WriteRawValue(e.PayloadJson.Utf8.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter writer, string id, EventType type, string source, DateTimeOffset occurredAt,
        int schemaVersion, string key)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", type.Name);
        writer.WriteString("source", source);
        writer.WriteString("occurredAt", occurredAt.UtcDateTime);
        writer.WriteNumber("schemaVersion", schemaVersion);
        writer.WriteString("key", key);
        writer.WritePropertyName("payload");
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
