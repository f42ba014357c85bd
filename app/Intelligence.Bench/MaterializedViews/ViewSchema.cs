using System.Globalization;
using Intelligence.Analytics;

namespace Intelligence.Bench.MaterializedViews;

/// <summary>
/// What a ClickHouse user would build instead of the processors: a table of the raw lines as they
/// arrive, a view that parses them into events, and views that turn each block of events into
/// stock and exception ledgers. A view sees only the rows of the block being inserted: no other
/// event, no key's earlier state.
/// </summary>
public static class ViewSchema
{
    public const string Database = "retail_mv";

    /// <summary>The targets the views fill, for the row counts of the report.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["events_raw", "events", "stock_ledger", "stock_totals", "stock_counts", "order_line_stock", "order_cancels", "shipment_progress", "order_holds"];

    /// <summary>Every line as it came, parsed or not: what a replay or an audit would start from.</summary>
    private const string RawLines = $"""
        CREATE TABLE {Database}.events_raw (line String) ENGINE = MergeTree ORDER BY tuple()
        """;

    /// <summary>The envelope's fields as columns; the payload stays a JSON string that the views pick apart.</summary>
    private const string Events = $"""
        CREATE TABLE {Database}.events (
            id String, type LowCardinality(String), source LowCardinality(String), occurredAt DateTime64(3, 'UTC'),
            schemaVersion Int64, key String, payload String)
        ENGINE = MergeTree ORDER BY (type, occurredAt)
        """;

    // A line that is not JSON stays in events_raw only; one that is JSON lands here whatever its values.
    private const string EventsView = $"""
        CREATE MATERIALIZED VIEW {Database}.events_mv TO {Database}.events AS
        SELECT JSONExtractString(line, 'id') AS id, JSONExtractString(line, 'type') AS type, JSONExtractString(line, 'source') AS source,
               parseDateTime64BestEffortOrZero(JSONExtractString(line, 'occurredAt'), 3, 'UTC') AS occurredAt,
               JSONExtractInt(line, 'schemaVersion') AS schemaVersion, JSONExtractString(line, 'key') AS key,
               JSONExtractRaw(line, 'payload') AS payload
        FROM {Database}.events_raw WHERE isValidJSON(line)
        """;

    /// <summary>One row per movement of a SKU at a location: the figures ATS is the sum of, and counts.</summary>
    private const string StockLedger = $"""
        CREATE TABLE {Database}.stock_ledger (
            sku String, location LowCardinality(String), at DateTime64(3, 'UTC'), event_id String, kind LowCardinality(String),
            on_hand Int64, reserved Int64, quality_hold Int64, counted Nullable(Int64))
        ENGINE = MergeTree ORDER BY (location, sku, at)
        """;

    // The router's table (docs/processors/inventory.md) as one expression per figure.
    private const string StockMoves = $"""
        CREATE MATERIALIZED VIEW {Database}.stock_moves_mv TO {Database}.stock_ledger AS
        SELECT
            JSONExtractString(payload, 'sku') AS sku,
            multiIf(type = 'transfer.dispatched', JSONExtractString(payload, 'fromLocation'),
                    type = 'transfer.received', JSONExtractString(payload, 'toLocation'),
                    JSONExtractString(payload, 'location')) AS location,
            occurredAt AS at, id AS event_id, type AS kind,
            multiIf(type IN ('stock.received', 'transfer.received', 'return.received'), JSONExtractInt(payload, 'quantity'),
                    type = 'stock.adjusted', JSONExtractInt(payload, 'delta'),
                    type IN ('pick.completed', 'transfer.dispatched'), -JSONExtractInt(payload, 'quantity'), 0) AS on_hand,
            multiIf(type = 'allocation.made', JSONExtractInt(payload, 'quantity'),
                    type = 'pick.completed', -(JSONExtractInt(payload, 'quantity') + JSONExtractInt(payload, 'shortQuantity')), 0) AS reserved,
            multiIf(type = 'stock.held', JSONExtractInt(payload, 'quantity'),
                    type = 'stock.released', -JSONExtractInt(payload, 'quantity'), 0) AS quality_hold,
            if(type = 'stock.counted', JSONExtractInt(payload, 'countedQuantity'), NULL) AS counted
        FROM {Database}.events
        WHERE type IN ('stock.received', 'stock.adjusted', 'stock.counted', 'stock.held', 'stock.released', 'transfer.dispatched',
                       'transfer.received', 'allocation.made', 'pick.completed', 'return.received')
          AND (type != 'return.received' OR JSONExtractString(payload, 'condition') = 'sellable')
        """;

    private const string PurchaseReceipts = $"""
        CREATE MATERIALIZED VIEW {Database}.po_receipts_mv TO {Database}.stock_ledger AS
        SELECT JSONExtractString(line, 'sku') AS sku, JSONExtractString(payload, 'location') AS location, occurredAt AS at,
               id AS event_id, type AS kind, JSONExtractInt(line, 'quantity') - JSONExtractInt(line, 'damaged') AS on_hand,
               toInt64(0) AS reserved, toInt64(0) AS quality_hold, CAST(NULL AS Nullable(Int64)) AS counted
        FROM {Database}.events
        ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line
        WHERE type = 'po.received'
        """;

    /// <summary>The always-fresh sums a dashboard would read: every movement added, counts ignored.</summary>
    private const string StockTotals = $"""
        CREATE TABLE {Database}.stock_totals (sku String, location LowCardinality(String), on_hand Int64, reserved Int64, quality_hold Int64)
        ENGINE = SummingMergeTree ORDER BY (location, sku)
        """;

    private const string StockTotalsView = $"""
        CREATE MATERIALIZED VIEW {Database}.stock_totals_mv TO {Database}.stock_totals AS
        SELECT sku, location, on_hand, reserved, quality_hold FROM {Database}.stock_ledger WHERE counted IS NULL
        """;

    /// <summary>The latest count per position, by event time: what on hand restarts from.</summary>
    private const string StockCounts = $"""
        CREATE TABLE {Database}.stock_counts (
            sku String, location LowCardinality(String), counted_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
            last_count AggregateFunction(argMax, Int64, DateTime64(3, 'UTC')))
        ENGINE = AggregatingMergeTree ORDER BY (location, sku)
        """;

    private const string StockCountsView = $"""
        CREATE MATERIALIZED VIEW {Database}.stock_counts_mv TO {Database}.stock_counts AS
        SELECT sku, location, max(at) AS counted_at, argMaxState(assumeNotNull(counted), at) AS last_count
        FROM {Database}.stock_ledger WHERE counted IS NOT NULL GROUP BY sku, location
        """;

    /// <summary>Allocations and picks per order line and location: what a cancel releases is worked out from them at query time.</summary>
    private const string OrderLineStock = $"""
        CREATE TABLE {Database}.order_line_stock (
            order_id String, line_id String, sku String, location LowCardinality(String), at DateTime64(3, 'UTC'), event_id String,
            allocated Int64, consumed Int64)
        ENGINE = MergeTree ORDER BY (order_id, line_id, at)
        """;

    private const string OrderLineStockView = $"""
        CREATE MATERIALIZED VIEW {Database}.order_line_stock_mv TO {Database}.order_line_stock AS
        SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(payload, 'lineId') AS line_id,
               JSONExtractString(payload, 'sku') AS sku, JSONExtractString(payload, 'location') AS location, occurredAt AS at, id AS event_id,
               if(type = 'allocation.made', JSONExtractInt(payload, 'quantity'), 0) AS allocated,
               if(type = 'pick.completed', JSONExtractInt(payload, 'quantity') + JSONExtractInt(payload, 'shortQuantity'), 0) AS consumed
        FROM {Database}.events WHERE type IN ('allocation.made', 'pick.completed')
        """;

    /// <summary>Cancels per line; a whole-order cancel (no lineIds) is the line ''.</summary>
    private const string OrderCancels = $"""
        CREATE TABLE {Database}.order_cancels (order_id String, line_id String, at DateTime64(3, 'UTC'))
        ENGINE = MergeTree ORDER BY (order_id, line_id)
        """;

    private const string OrderCancelsView = $"""
        CREATE MATERIALIZED VIEW {Database}.order_cancels_mv TO {Database}.order_cancels AS
        SELECT JSONExtractString(payload, 'orderId') AS order_id, line_id, occurredAt AS at
        FROM {Database}.events
        ARRAY JOIN if(empty(JSONExtract(payload, 'lineIds', 'Array(String)')), [''], JSONExtract(payload, 'lineIds', 'Array(String)')) AS line_id
        WHERE type = 'order.cancelled'
        """;

    /// <summary>Per parcel: whether it was dispatched, delayed, delivered. Merges keep the maximum of each flag.</summary>
    private const string ShipmentProgress = $"""
        CREATE TABLE {Database}.shipment_progress (
            shipment_id String, dispatched SimpleAggregateFunction(max, UInt8), delayed SimpleAggregateFunction(max, UInt8),
            delivered SimpleAggregateFunction(max, UInt8))
        ENGINE = AggregatingMergeTree ORDER BY shipment_id
        """;

    private const string ShipmentProgressView = $"""
        CREATE MATERIALIZED VIEW {Database}.shipment_progress_mv TO {Database}.shipment_progress AS
        SELECT JSONExtractString(payload, 'shipmentId') AS shipment_id, max(type = 'shipment.dispatched') AS dispatched,
               max(type = 'shipment.delayed') AS delayed, max(type = 'shipment.delivered') AS delivered
        FROM {Database}.events WHERE type IN ('shipment.dispatched', 'shipment.delayed', 'shipment.delivered')
        GROUP BY shipment_id
        """;

    /// <summary>Per order and hold category: the latest open (1) or closed (0) by event time.</summary>
    private const string OrderHolds = $"""
        CREATE TABLE {Database}.order_holds (
            order_id String, category LowCardinality(String), open AggregateFunction(argMax, UInt8, DateTime64(3, 'UTC')))
        ENGINE = AggregatingMergeTree ORDER BY (order_id, category)
        """;

    // The order fold's hold rules: held/released by reason, a decline holds payment, an authorisation
    // releases it, a whole-order cancel closes every hold.
    private const string OrderHoldsView = $"""
        CREATE MATERIALIZED VIEW {Database}.order_holds_mv TO {Database}.order_holds AS
        SELECT order_id, change.1 AS category, argMaxState(change.2, at) AS open
        FROM (
            SELECT JSONExtractString(payload, 'orderId') AS order_id, occurredAt AS at,
                   arrayJoin(multiIf(
                       type = 'order.held', [(JSONExtractString(payload, 'reason'), toUInt8(1))],
                       type = 'order.released', [(JSONExtractString(payload, 'reason'), toUInt8(0))],
                       type = 'payment.declined', [('payment_hold', toUInt8(1))],
                       type = 'payment.authorized', [('payment_hold', toUInt8(0))],
                       type = 'order.cancelled' AND NOT JSONHas(payload, 'lineIds'),
                           [('payment_hold', toUInt8(0)), ('address_validation', toUInt8(0)), ('fraud_review', toUInt8(0))],
                       [])) AS change
            FROM {Database}.events
            WHERE type IN ('order.held', 'order.released', 'payment.declined', 'payment.authorized', 'order.cancelled'))
        WHERE category IN ('payment_hold', 'address_validation', 'fraud_review')
        GROUP BY order_id, category
        """;

    /// <summary>Every statement, in order: a fresh database, the tables, then the views that fill them.</summary>
    public static IEnumerable<string> Statements()
    {
        yield return $"DROP DATABASE IF EXISTS {Database} SYNC";
        yield return $"CREATE DATABASE {Database}";
        yield return RawLines;
        yield return Events;
        yield return StockLedger;
        yield return StockTotals;
        yield return StockCounts;
        yield return OrderLineStock;
        yield return OrderCancels;
        yield return ShipmentProgress;
        yield return OrderHolds;

        // Chained views (events feeds the ledgers, stock_ledger feeds totals and counts) are created before the views that feed them.
        yield return StockTotalsView;
        yield return StockCountsView;
        yield return StockMoves;
        yield return PurchaseReceipts;
        yield return OrderLineStockView;
        yield return OrderCancelsView;
        yield return ShipmentProgressView;
        yield return OrderHoldsView;
        yield return EventsView;
    }

    /// <summary>The rows in each of <see cref="Tables"/>.</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(IAnalyticsStore store, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            var result = await store.QueryAsync($"SELECT count() FROM {Database}.{table}", "TabSeparated", ct: ct);
            counts[table] = long.Parse(result.Text.Trim(), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
