using System.Globalization;
using System.Net.Http;
using System.Text.Json;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// Reads what the server said about an insert from its X-ClickHouse-Summary header: rows written
/// (materialized views' rows included, a deduplicated batch counted as written, as chDB counts it)
/// and the server's elapsed time when it reports one.
/// </summary>
internal static class InsertAnswer
{
    public static InsertResult Read(HttpResponseMessage response, TimeSpan measured)
    {
        if (!response.Headers.TryGetValues("X-ClickHouse-Summary", out var values))
        {
            return new InsertResult(0, measured);
        }

        using var summary = JsonDocument.Parse(values.First());
        var written = Counter(summary.RootElement, "written_rows") ?? 0;
        var elapsed = Counter(summary.RootElement, "elapsed_ns") is { } ns and > 0 ? TimeSpan.FromTicks((long)(ns / 100)) : measured;
        return new InsertResult(written, elapsed);
    }

    // The server writes its counters as strings ("written_rows":"25").
    private static ulong? Counter(JsonElement summary, string name) =>
        summary.TryGetProperty(name, out var value)
        && ulong.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
