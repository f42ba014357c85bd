using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// A row on the outputs topic: key <c>table|row key</c> (latest-state rows) or <c>table|fold key</c>
/// (counts, levels and history rows), value the row's JSON with snake_case column names, written
/// with the row's runtime type as the embedded sink writes it.
/// </summary>
public static class RowRecords
{
    public const string TableHeader = "table";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepIgnoredOverridesOut } },
    };

    public static string KeyOf(OutputRow row, string foldKey) =>
        row is StateRow state ? $"{row.Table}|{state.RowKey}" : $"{row.Table}|{foldKey}";

    public static string TableOf(string key) => key[..key.IndexOf('|', StringComparison.Ordinal)];

    public static byte[] ValueOf(OutputRow row) => JsonSerializer.SerializeToUtf8Bytes(row, row.GetType(), Json);

    // [JsonIgnore] on OutputRow.Table and StateRow.RowKey does not reach the rows' overrides (System.Text.Json
    // reads the attributes of the declared property only): without this, every row would carry "table"
    // and "row_key" columns its table does not have.
    private static void KeepIgnoredOverridesOut(JsonTypeInfo info)
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
}
