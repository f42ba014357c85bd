using System.Globalization;
using System.Text.Json.Nodes;

namespace Intelligence.Console;

/// <summary>
/// The stored events' span in event time, widened to whole hours. A simulated run lives in
/// simulated time (November 2026 by default), so the console opens on the data rather than on
/// "the last 30 days" of the wall clock, which would show nothing.
/// </summary>
public sealed record DataSpan(DateTimeOffset From, DateTimeOffset To, long Events)
{
    public static async Task<DataSpan> ReadAsync(ConsoleQueries queries, CancellationToken ct)
    {
        var result = await queries.RunSqlAsync("span", ConsoleQueries.DataSpanSql, ct).ConfigureAwait(false);
        var row = result.Rows[0];
        var events = row[2]?.GetValue<decimal>() ?? 0;
        if (events == 0)
        {
            var now = queries.Clock.GetUtcNow();
            return new DataSpan(now.AddDays(-30), now, 0);
        }

        var first = Time(row[0]);
        var last = Time(row[1]);
        return new DataSpan(
            new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(last.Year, last.Month, last.Day, last.Hour, 0, 0, TimeSpan.Zero).AddHours(1),
            (long)events);
    }

    private static DateTimeOffset Time(JsonNode? cell) =>
        DateTimeOffset.Parse(cell?.GetValue<string>() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
