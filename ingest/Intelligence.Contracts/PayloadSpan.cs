using System.Text.Json;
using System.Text.Json.Serialization;

namespace Intelligence.Contracts;

/// <summary>
/// Where the envelope's payload sits in the input, found while the envelope is read: the reader
/// steps over the payload's tokens (checking them as JSON, depth included) without building a
/// document of them, and the payload is then read into its type from those bytes, once.
/// </summary>
[JsonConverter(typeof(Locator))]
public readonly record struct PayloadSpan(int Start, int Length, JsonValueKind Kind)
{
    /// <summary>The payload's bytes in the input the envelope was read from.</summary>
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> input) => input.Slice(Start, Length);

    /// <summary>
    /// Records the payload's offset and length. Only correct when the envelope is read from one span
    /// (<see cref="JsonSerializer.Deserialize(ReadOnlySpan{byte}, System.Text.Json.Serialization.Metadata.JsonTypeInfo)"/>),
    /// where the reader's offsets are offsets into that span; the event reader reads it so.
    /// </summary>
    public sealed class Locator : JsonConverter<PayloadSpan>
    {
        public override PayloadSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var kind = KindOf(reader.TokenType);
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            return new PayloadSpan(start, checked((int)reader.BytesConsumed) - start, kind);
        }

        public override void Write(Utf8JsonWriter writer, PayloadSpan value, JsonSerializerOptions options) =>
            throw new NotSupportedException("a payload's place in an input is read, never written");

        private static JsonValueKind KindOf(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => JsonValueKind.Object,
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            _ => JsonValueKind.Null,
        };
    }
}
