-- Tables every processor shares: KPI series at minute grain, and data quality per source.

-- A count or amount per minute (orders placed, units returned, revenue). Rows with the same metric,
-- entity and minute add up on merge; query with sum(value) and sum(samples) (a mean is value/samples).
CREATE TABLE IF NOT EXISTS {db}.kpi_minute (
  metric LowCardinality(String), entity String, minute DateTime('UTC'), value Float64, samples UInt64
) ENGINE = SummingMergeTree((value, samples)) PARTITION BY toYYYYMM(minute) ORDER BY (metric, entity, minute)
  TTL minute + INTERVAL 2 YEAR
  SETTINGS non_replicated_deduplication_window = 10000;

-- A level at the end of each minute (backlog, channel ATS): the last observation in the minute wins.
CREATE TABLE IF NOT EXISTS {db}.kpi_level_minute (
  metric LowCardinality(String), entity String, minute DateTime('UTC'), value Float64, observed_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(observed_at) PARTITION BY toYYYYMM(minute) ORDER BY (metric, entity, minute)
  TTL minute + INTERVAL 2 YEAR;

-- The product master per SKU (from product.updated) with the average cost its purchase orders
-- paid: landed cost, and its variance to the standard cost.
CREATE TABLE IF NOT EXISTS {db}.products (
  sku String, name String, category LowCardinality(String), supplier_id LowCardinality(String),
  standard_cost Decimal(18, 4), landed_cost Decimal(18, 4), landed_cost_variance Decimal(18, 4), list_price Decimal(18, 4),
  purchased_units Int64, updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY sku;

-- Per run and event source, what the ingest gate did: received, accepted, duplicates dropped,
-- rejected. Snapshots replace each other (the latest wins) while a run goes on.
CREATE TABLE IF NOT EXISTS {db}.source_ingest (
  run_id String, source LowCardinality(String), received UInt64, accepted UInt64, duplicates UInt64, rejected UInt64,
  snapshot_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(snapshot_at) ORDER BY (run_id, source);

-- Analyst view: data quality per event source over every run: volumes, the rates of rejects,
-- duplicates and late events (late and out-of-order counts come from the data-quality fold's KPIs).
CREATE VIEW IF NOT EXISTS {db}.data_quality_by_source AS
SELECT
  i.source AS source, i.received AS received, i.accepted AS accepted, i.duplicates AS duplicates, i.rejected AS rejected,
  t.late AS late, t.out_of_order AS out_of_order,
  if(i.received = 0, 0, i.rejected / i.received) AS reject_rate,
  if(i.received = 0, 0, i.duplicates / i.received) AS duplicate_rate,
  if(t.accepted = 0, 0, t.late / t.accepted) AS late_rate,
  if(t.late = 0, 0, t.lateness_seconds / t.late) AS mean_lateness_seconds
FROM (
  SELECT source, sum(received) AS received, sum(accepted) AS accepted, sum(duplicates) AS duplicates, sum(rejected) AS rejected
  FROM {db}.source_ingest FINAL GROUP BY source
) AS i
LEFT JOIN (
  SELECT substring(entity, 8) AS source,
    sumIf(value, metric = 'events_accepted') AS accepted, sumIf(value, metric = 'events_late') AS late,
    sumIf(value, metric = 'events_out_of_order') AS out_of_order, sumIf(value, metric = 'event_lateness_seconds') AS lateness_seconds
  FROM {db}.kpi_minute WHERE entity LIKE 'source:%' GROUP BY entity
) AS t ON t.source = i.source;

-- The processors' dead letters: a fold threw on an accepted input. The other folds processed it;
-- this row says which fold failed on which event and why.
CREATE TABLE IF NOT EXISTS {db}.processing_failures (
  failed_at DateTime64(3, 'UTC'), fold LowCardinality(String), event_id String, source LowCardinality(String), key String,
  event_time DateTime64(3, 'UTC'), input LowCardinality(String), error LowCardinality(String), detail String
) ENGINE = MergeTree PARTITION BY toYYYYMM(failed_at) ORDER BY (fold, failed_at)
  SETTINGS non_replicated_deduplication_window = 10000;
