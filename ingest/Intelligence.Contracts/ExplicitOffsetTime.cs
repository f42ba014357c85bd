using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Intelligence.Contracts;

/// <summary>
/// Reads a time only when it says its offset (<c>Z</c> or <c>+hh:mm</c>). A time without one would be
/// taken in the reading host's zone, so the same event could land hours apart on two machines.
/// Writes the ISO 8601 form the default converter writes.
/// </summary>
public sealed class ExplicitOffsetTime : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new UnreadableTime("the value is not an ISO 8601 time such as 2026-11-02T10:15:00Z");
        }

        var text = reader.ValueIsEscaped || reader.HasValueSequence
            ? Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan;
        return HasOffset(text) ? value : throw new UnreadableTime("the time has no offset; end it with Z (UTC) or +hh:mm");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        var time = text.IndexOfAny("Tt"u8);
        return time >= 0 && (text[^1] is (byte)'Z' or (byte)'z' || text[time..].IndexOfAny("+-"u8) >= 0);
    }

    /// <summary>A time the converter refused, with the sentence that says why.</summary>
    public sealed class UnreadableTime(string message) : JsonException(message);
}
