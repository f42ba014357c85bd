using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutRouting } },
    };

    public static void Write(Utf8JsonWriter writer, OutputRow row) =>
        JsonSerializer.Serialize(writer, row, row.GetType(), Options);

    /// <summary>
    /// <c>Table</c> and <c>RowKey</c> route a row; they are not columns. <c>[JsonIgnore]</c> on the
    /// abstract declarations is not inherited by overrides, so they are removed here.
    /// </summary>
    private static void WithoutRouting(JsonTypeInfo info)
    {
        if (!typeof(OutputRow).IsAssignableFrom(info.Type))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name is "table" or "row_key")
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private sealed class StoreTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StoreTime.Format(value));
    }
}
