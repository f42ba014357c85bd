using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Writes a fold's row as a JSONEachRow line: properties in snake_case, times as ClickHouse reads a
/// DateTime64(3, 'UTC'). The Kafka runtime writes the same JSON to its outputs topic.
/// </summary>
public static class OutputRows
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new StoreTimeConverter() },
    };

    public static void Write(Utf8JsonWriter writer, OutputRow row) =>
        JsonSerializer.Serialize(writer, row, row.GetType(), Options);

    private sealed class StoreTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StoreTime.Format(value));
    }
}
