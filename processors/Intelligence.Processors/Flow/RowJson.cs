using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Intelligence.Processors.Flow;

/// <summary>
/// The one JSON form of an output row, in both runtimes (the embedded sink's JSONEachRow and the
/// Kafka outputs topic): properties in snake_case as the tables' columns, times as ClickHouse reads a
/// DateTime64(3, 'UTC') (<c>yyyy-MM-dd HH:mm:ss.fff</c>), and no routing properties.
/// </summary>
public static class RowJson
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

    public static byte[] ToUtf8(OutputRow row) => JsonSerializer.SerializeToUtf8Bytes(row, row.GetType(), Options);

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    // [JsonIgnore] on OutputRow.Table and StateRow.RowKey does not reach the overrides (System.Text.Json
    // reads the attributes of the declared property only), so ignored base declarations are removed here.
    private static void WithoutRouting(JsonTypeInfo info)
    {
        if (!typeof(OutputRow).IsAssignableFrom(info.Type))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo { GetMethod: { } getter } property
                && getter.GetBaseDefinition().DeclaringType?.GetProperty(property.Name)?.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private sealed class StoreTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            // Formatted straight to UTF-8: every row has a time or three, and a string for each is garbage.
            Span<byte> text = stackalloc byte[32];
            if (!value.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
            {
                writer.WriteStringValue(FormatTime(value));
                return;
            }

            writer.WriteStringValue(text[..written]);
        }
    }
}
