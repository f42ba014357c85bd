using System.Text.Json;
using Intelligence.Kafka;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// A row on the outputs topic: key <c>table|row key</c> (latest-state rows) or <c>table|fold key</c>
/// (counts, levels and history rows), value the row's JSON with snake_case column names, written
/// with the row's runtime type as the embedded sink writes it.
/// </summary>
public static class RowRecords
{
    /// <summary>The header naming the row's table, which the ClickHouse sink reads (<see cref="RecordHeaders.Table"/>).</summary>
    public const string TableHeader = RecordHeaders.Table;

    public static JsonSerializerOptions Json => RowJson.Options;

    public static string KeyOf(OutputRow row, string foldKey) =>
        row is StateRow state ? $"{row.Table}|{state.RowKey}" : $"{row.Table}|{foldKey}";

    public static string TableOf(string key) => key[..key.IndexOf('|', StringComparison.Ordinal)];

    public static byte[] ValueOf(OutputRow row) => RowJson.ToUtf8(row);
}
