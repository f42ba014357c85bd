using Intelligence.Analytics;
using Intelligence.Processors.Inventory;
using static Intelligence.Bench.MaterializedViews.ViewSchema;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// ATS per SKU × location from the views' tables, as a ClickHouse user would write it: on hand
/// restarts from the latest count (by event time) and adds the movements after it; reserved is
/// allocations less picks less what cancels release, worked out per order line at query time;
/// ATS = on hand − reserved − quality hold − safety stock.
/// </summary>
public static class AvailableToSellQuery
{
    // Safety stock as InventoryOptions has it by default (STORE- shelves keep one unit back).
    private const string SafetyStock = "if(startsWith(p.location, 'STORE-'), 1, 0)";

    // A cancel releases what the line still reserved at that location (never below 0), and at once
    // whatever is allocated to the line after it.
    private const string Template = $$"""
        WITH
          ledger AS (SELECT * FROM {{Database}}.stock_ledger {dedup}),
          line_stock AS (SELECT * FROM {{Database}}.order_line_stock {dedup}),
          counts AS (
            SELECT sku, location, max(counted_at) AS counted_at, argMaxMerge(last_count) AS counted
            FROM {{Database}}.stock_counts GROUP BY sku, location),
          cancelled AS (
            SELECT s.order_id AS order_id, s.line_id AS line_id, min(c.at) AS cancelled_at
            FROM (SELECT DISTINCT order_id, line_id FROM {{Database}}.order_line_stock) AS s
            INNER JOIN {{Database}}.order_cancels AS c ON s.order_id = c.order_id
            WHERE c.line_id = '' OR c.line_id = s.line_id
            GROUP BY order_id, line_id),
          releases AS (
            SELECT sku, location, sum(released) AS released FROM (
              SELECT o.sku AS sku, o.location AS location,
                     greatest(0, sumIf(o.allocated - o.consumed, o.at <= k.cancelled_at)) + sumIf(o.allocated, o.at > k.cancelled_at) AS released
              FROM line_stock AS o INNER JOIN cancelled AS k ON o.order_id = k.order_id AND o.line_id = k.line_id
              GROUP BY o.order_id, o.line_id, o.sku, o.location)
            GROUP BY sku, location),
          positions AS (
            SELECT l.sku AS sku, l.location AS location,
                   any(c.counted) + sumIf(l.on_hand, l.at > c.counted_at) AS on_hand,
                   sum(l.reserved) AS reserved, sum(l.quality_hold) AS quality_hold
            FROM ledger AS l LEFT JOIN counts AS c ON l.sku = c.sku AND l.location = c.location
            GROUP BY sku, location)
        SELECT p.sku, p.location, p.on_hand - (p.reserved - r.released) - p.quality_hold - {{SafetyStock}} AS ats
        FROM positions AS p LEFT JOIN releases AS r ON p.sku = r.sku AND p.location = r.location
        """;

    /// <summary>What the summing view alone shows: every movement added, no counts, no releases.</summary>
    private const string SumsOnly = $"""
        SELECT p.sku, p.location, sum(p.on_hand) - sum(p.reserved) - sum(p.quality_hold) - {SafetyStock} AS ats
        FROM {Database}.stock_totals AS p GROUP BY p.sku, p.location
        """;

    /// <summary>ATS by <c>SKU@LOCATION</c>. With <paramref name="deduplicated"/>, each event id counts once, as a user would filter re-sends at query time.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RunAsync(IAnalyticsStore store, bool deduplicated, CancellationToken ct)
    {
        var sql = Template.Replace("{dedup}", deduplicated ? "LIMIT 1 BY event_id, sku, location" : "", StringComparison.Ordinal);
        return Parse(await store.QueryAsync(sql, "TabSeparated", ct: ct));
    }

    public static async Task<IReadOnlyDictionary<string, long>> SumsOnlyAsync(IAnalyticsStore store, CancellationToken ct) =>
        Parse(await store.QueryAsync(SumsOnly, "TabSeparated", ct: ct));

    private static Dictionary<string, long> Parse(QueryResult result)
    {
        var ats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = row.Split('\t');
            ats[StockKeys.Of(fields[0], fields[1])] = long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        }

        return ats;
    }
}
