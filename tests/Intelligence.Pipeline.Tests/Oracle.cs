namespace Intelligence.Pipeline.Tests;

/// <summary>
/// Key figures recomputed in batch SQL straight from raw_events, independently of the processors:
/// the oracle the streamed state must agree with at the end of a run.
/// </summary>
public static class Oracle
{
    /// <summary>On hand per SKU@location: the last count by event time, plus every movement after it.</summary>
    public static string OnHand(string db) => $"""
        WITH movements AS (
          SELECT concat(JSONExtractString(payload, 'sku'), '@', JSONExtractString(payload, 'location')) AS stock_key, occurred_at AS at,
                 multiIf(type = 'stock.received', JSONExtractInt(payload, 'quantity'),
                         type = 'stock.adjusted', JSONExtractInt(payload, 'delta'),
                         type = 'pick.completed', -JSONExtractInt(payload, 'quantity'),
                         type = 'return.received' AND JSONExtractString(payload, 'condition') = 'sellable', JSONExtractInt(payload, 'quantity'),
                         0) AS delta
          FROM {db}.raw_events WHERE type IN ('stock.received', 'stock.adjusted', 'pick.completed', 'return.received')
          UNION ALL
          SELECT concat(JSONExtractString(payload, 'sku'), '@', JSONExtractString(payload, 'fromLocation')), occurred_at, -JSONExtractInt(payload, 'quantity')
          FROM {db}.raw_events WHERE type = 'transfer.dispatched'
          UNION ALL
          SELECT concat(JSONExtractString(payload, 'sku'), '@', JSONExtractString(payload, 'toLocation')), occurred_at, JSONExtractInt(payload, 'quantity')
          FROM {db}.raw_events WHERE type = 'transfer.received'
          UNION ALL
          SELECT concat(JSONExtractString(line, 'sku'), '@', JSONExtractString(payload, 'location')), occurred_at,
                 JSONExtractInt(line, 'quantity') - JSONExtractInt(line, 'damaged')
          FROM {db}.raw_events ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line WHERE type = 'po.received'
        ),
        counts AS (
          SELECT concat(JSONExtractString(payload, 'sku'), '@', JSONExtractString(payload, 'location')) AS stock_key,
                 argMax(JSONExtractInt(payload, 'countedQuantity'), occurred_at) AS counted, max(occurred_at) AS counted_at
          FROM {db}.raw_events WHERE type = 'stock.counted' GROUP BY stock_key
        )
        SELECT m.stock_key AS stock_key,
               if(c.stock_key = '', 0, c.counted) + sumIf(m.delta, c.stock_key = '' OR m.at > c.counted_at) AS on_hand
        FROM movements AS m LEFT JOIN counts AS c ON c.stock_key = m.stock_key
        GROUP BY m.stock_key, c.stock_key, c.counted
        ORDER BY stock_key
        SETTINGS join_use_nulls = 0
        """;

    /// <summary>
    /// Reserved per SKU@location: what each order line was allocated there, less what picks consumed
    /// (picked + short), for lines not cancelled (a cancel frees what was left).
    /// </summary>
    public static string Reserved(string db) => $"""
        WITH work AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(payload, 'lineId') AS line_id,
                 concat(JSONExtractString(payload, 'sku'), '@', JSONExtractString(payload, 'location')) AS stock_key,
                 if(type = 'allocation.made', JSONExtractInt(payload, 'quantity'),
                    -(JSONExtractInt(payload, 'quantity') + JSONExtractInt(payload, 'shortQuantity'))) AS delta
          FROM {db}.raw_events WHERE type IN ('allocation.made', 'pick.completed')
        ),
        cancelled AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id,
                 arrayJoin(if(JSONHas(payload, 'lineIds'), JSONExtract(payload, 'lineIds', 'Array(String)'), ['*'])) AS line_id
          FROM {db}.raw_events WHERE type = 'order.cancelled'
        )
        SELECT stock_key, sum(delta) AS reserved
        FROM work
        WHERE (order_id, line_id) NOT IN (SELECT order_id, line_id FROM cancelled)
          AND (order_id, '*') NOT IN (SELECT order_id, line_id FROM cancelled)
        GROUP BY stock_key
        HAVING reserved != 0
        ORDER BY stock_key
        """;

    /// <summary>Orders still held at the end, by hold reason: held, and neither released nor cancelled afterwards.</summary>
    public static string OpenHolds(string db) => $"""
        SELECT reason, count() AS open
        FROM (
          SELECT JSONExtractString(payload, 'orderId') AS order_id,
                 argMaxIf(JSONExtractString(payload, 'reason'), occurred_at, type = 'order.held') AS reason,
                 maxIf(occurred_at, type = 'order.held') AS held_at,
                 maxIf(occurred_at, type IN ('order.released', 'order.cancelled')) AS closed_at
          FROM {db}.raw_events WHERE type IN ('order.held', 'order.released', 'order.cancelled')
          GROUP BY order_id
          HAVING reason != '' AND closed_at < held_at
        )
        GROUP BY reason ORDER BY reason
        """;

    /// <summary>Shipments delayed and not delivered at the end.</summary>
    public static string OpenCarrierDelays(string db) => $"""
        SELECT count() FROM (
          SELECT JSONExtractString(payload, 'shipmentId') AS shipment_id
          FROM {db}.raw_events WHERE type IN ('shipment.delayed', 'shipment.delivered')
          GROUP BY shipment_id HAVING countIf(type = 'shipment.delayed') > 0 AND countIf(type = 'shipment.delivered') = 0)
        """;

    /// <summary>Gross revenue and discount of shipped units: shipment lines priced by their order line.</summary>
    public static string ShippedRevenue(string db) => $"""
        WITH lines AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(line, 'lineId') AS line_id,
                 toDecimal128(JSONExtractRaw(line, 'unitPrice'), 4) AS unit_price,
                 toDecimal128OrZero(JSONExtractRaw(line, 'discount'), 4) AS discount, JSONExtractInt(line, 'quantity') AS ordered
          FROM {db}.raw_events ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line WHERE type = 'order.placed'
        ),
        shipped AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(line, 'lineId') AS line_id,
                 JSONExtractInt(line, 'quantity') AS units
          FROM {db}.raw_events ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line WHERE type = 'shipment.dispatched'
        )
        SELECT sum(s.units * l.unit_price) AS revenue, sum(l.discount * s.units / l.ordered) AS discount
        FROM shipped AS s INNER JOIN lines AS l ON l.order_id = s.order_id AND l.line_id = s.line_id
        """;
}
