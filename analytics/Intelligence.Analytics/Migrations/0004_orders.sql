-- Orders, the exception queue and fulfilment nodes (docs/processors/orders.md, exceptions.md, fulfillment.md).
-- {db} is replaced with the target database name by the migrator. Latest-state tables are read with FINAL.

-- The latest state of one order: header, status and units at each stage. Versioned by revision.
CREATE TABLE IF NOT EXISTS {db}.orders (
  order_id String, channel LowCardinality(String), customer_tier LowCardinality(String), promotion_id Nullable(String),
  order_value Decimal(18, 4), status LowCardinality(String), payment_status LowCardinality(Nullable(String)),
  placed_at DateTime64(3, 'UTC'), units_ordered Int64, units_allocated Int64, units_shipped Int64, units_delivered Int64,
  units_returned Int64, units_cancelled Int64, shipments Int64, promised_by Nullable(DateTime64(3, 'UTC')),
  delivered_at Nullable(DateTime64(3, 'UTC')), on_time Nullable(Bool), updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY order_id;

-- The latest state of one exception (its current occurrence) in the queue: routing, SLA, escalation, resolution.
CREATE TABLE IF NOT EXISTS {db}.exceptions (
  exception_id String, category LowCardinality(String), entity_kind LowCardinality(String), entity_id String,
  status LowCardinality(String), severity LowCardinality(String), team LowCardinality(String),
  routing_rule LowCardinality(Nullable(String)), priority Int64, channel LowCardinality(Nullable(String)),
  order_value Nullable(Decimal(18, 4)), customer_tier LowCardinality(Nullable(String)), location LowCardinality(Nullable(String)),
  supplier_id LowCardinality(Nullable(String)), sku Nullable(String), risk Float64, detail String,
  opened_at DateTime64(3, 'UTC'), updated_at DateTime64(3, 'UTC'), sla_due_at DateTime64(3, 'UTC'), breached Bool,
  escalation_level Int64, resolved_at Nullable(DateTime64(3, 'UTC')), resolution LowCardinality(Nullable(String)),
  resolve_seconds Nullable(Float64), occurrences Int64, revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (category, exception_id);

-- One change of one exception: opened, updated, escalated or resolved. Append-only history.
CREATE TABLE IF NOT EXISTS {db}.exception_events (
  exception_id String, category LowCardinality(String), at DateTime64(3, 'UTC'), change LowCardinality(String),
  severity LowCardinality(String), team LowCardinality(String), occurrence Int64, escalation_level Int64
) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (category, change, at, exception_id)
  SETTINGS non_replicated_deduplication_window = 10000;

-- The latest state of one fulfilment node (DC, 3PL or store): backlog, pick delay, throughput, cutoff risk.
CREATE TABLE IF NOT EXISTS {db}.fulfillment_nodes (
  location LowCardinality(String), backlog_lines Int64, backlog_units Int64, awaiting_dispatch_lines Int64,
  awaiting_dispatch_units Int64, pick_delay_minutes Float64, pick_delay_high_minutes Float64, throughput_per_hour Float64,
  throughput_units_per_hour Float64, inflow_per_hour Float64, backlog_hours Float64, capacity_per_hour Float64,
  spare_per_hour Float64, next_cutoff_at DateTime64(3, 'UTC'), cutoff_risk_lines Int64, backed_up Bool,
  backed_up_since Nullable(DateTime64(3, 'UTC')), lines_allocated Int64, lines_picked Int64, units_picked Int64,
  units_short Int64, lines_released Int64, parcels_dispatched Int64, updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY location;

-- One routing recommendation for one (backed-up node, target node) pair, or its withdrawal (active = false).
-- Append-only: the latest row per pair is the one in force.
CREATE TABLE IF NOT EXISTS {db}.routing_recommendations (
  at DateTime64(3, 'UTC'), from_node LowCardinality(String), to_node LowCardinality(String), active Bool,
  lines_per_hour Float64, total_lines_per_hour Float64, from_backlog_lines Int64, from_backlog_hours Float64,
  from_throughput_per_hour Float64, from_inflow_per_hour Float64, from_pick_delay_minutes Float64,
  to_spare_per_hour Float64, to_backlog_hours Float64, detail String
) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (from_node, to_node, at)
  SETTINGS non_replicated_deduplication_window = 10000;
