namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>The Content-Type a server gives each family of output formats.</summary>
internal static class ResponseFormat
{
    public static string ContentType(string format) => format switch
    {
        _ when format.StartsWith("TabSeparated", StringComparison.OrdinalIgnoreCase) || format.StartsWith("TSV", StringComparison.OrdinalIgnoreCase)
            => "text/tab-separated-values; charset=UTF-8",
        _ when format.StartsWith("CSV", StringComparison.OrdinalIgnoreCase) => "text/csv; charset=UTF-8",
        _ when format.StartsWith("JSON", StringComparison.OrdinalIgnoreCase) => "application/json; charset=UTF-8",
        _ when format.StartsWith("RowBinary", StringComparison.OrdinalIgnoreCase)
            || format is "Native" or "Parquet" or "Arrow" or "ArrowStream" or "ORC" or "Avro" or "MsgPack" or "Protobuf"
            => "application/octet-stream",
        _ => "text/plain; charset=UTF-8",
    };

    /// <summary>The X-ClickHouse-Summary header: the server's counters, as strings as it writes them.</summary>
    public static string Summary(ulong rowsRead, ulong rowsWritten, TimeSpan elapsed) =>
        $"{{\"read_rows\":\"{rowsRead}\",\"read_bytes\":\"0\",\"written_rows\":\"{rowsWritten}\",\"written_bytes\":\"0\"," +
        $"\"total_rows_to_read\":\"{rowsRead}\",\"result_rows\":\"0\",\"result_bytes\":\"0\",\"elapsed_ns\":\"{(ulong)(elapsed.Ticks * 100)}\"}}";
}
