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

    /// <summary>
    /// Holds still open at the end, by reason: an order held for a reason and, after its latest hold,
    /// neither released for that reason nor cancelled (nor, for a payment hold, authorised).
    /// </summary>
    public static string OpenHolds(string db) => $"""
        WITH holds AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(payload, 'reason') AS reason, max(occurred_at) AS held_at
          FROM {db}.raw_events WHERE type = 'order.held' GROUP BY order_id, reason
        ),
        releases AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id, JSONExtractString(payload, 'reason') AS reason, max(occurred_at) AS at
          FROM {db}.raw_events WHERE type = 'order.released' GROUP BY order_id, reason
        ),
        closers AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id,
                 maxIf(occurred_at, type = 'order.cancelled') AS cancelled_at, maxIf(occurred_at, type = 'payment.authorized') AS authorized_at
          FROM {db}.raw_events WHERE type IN ('order.cancelled', 'payment.authorized') GROUP BY order_id
        )
        SELECT h.reason AS reason, count() AS open
        FROM holds AS h
        LEFT JOIN releases AS r ON r.order_id = h.order_id AND r.reason = h.reason
        LEFT JOIN closers AS c ON c.order_id = h.order_id
        WHERE NOT (r.at >= h.held_at OR c.cancelled_at >= h.held_at OR (h.reason = 'payment_hold' AND c.authorized_at >= h.held_at))
        GROUP BY reason ORDER BY reason
        SETTINGS join_use_nulls = 0
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

    /// <summary>
    /// Per order, what was captured, refunded and charged back against what the statements settled
    /// for it: the difference the streamed reconciliation must report for orders it calls unreconciled.
    /// </summary>
    public static string SettlementDifferences(string db) => $"""
        WITH money AS (
          SELECT JSONExtractString(payload, 'orderId') AS order_id,
                 sumIf(toDecimal128(JSONExtractRaw(payload, 'amount'), 4), type = 'payment.captured') AS captured,
                 sumIf(toDecimal128(JSONExtractRaw(payload, 'amount'), 4), type = 'payment.refunded') AS refunded,
                 sumIf(toDecimal128(JSONExtractRaw(payload, 'amount'), 4), type = 'payment.chargeback') AS chargebacks
          FROM {db}.raw_events WHERE type IN ('payment.captured', 'payment.refunded', 'payment.chargeback') GROUP BY order_id
        ),
        settled AS (
          SELECT JSONExtractString(line, 'orderId') AS order_id,
                 sumIf(toDecimal128(JSONExtractRaw(line, 'amount'), 4), JSONExtractString(line, 'kind') = 'sale') AS sales,
                 -sumIf(toDecimal128(JSONExtractRaw(line, 'amount'), 4), JSONExtractString(line, 'kind') = 'refund') AS refunds,
                 -sumIf(toDecimal128(JSONExtractRaw(line, 'amount'), 4), JSONExtractString(line, 'kind') = 'chargeback') AS chargebacks
          FROM {db}.raw_events ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line WHERE type = 'settlement.reported'
          GROUP BY order_id
        )
        SELECT m.order_id AS order_id,
               abs(m.captured - s.sales) + abs(m.refunded - s.refunds) + abs(m.chargebacks - s.chargebacks) AS difference
        FROM money AS m LEFT JOIN settled AS s ON s.order_id = m.order_id
        ORDER BY order_id
        SETTINGS join_use_nulls = 0
        """;
}
