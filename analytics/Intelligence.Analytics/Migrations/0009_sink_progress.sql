-- The ClickHouse sink of the distributed runtime (app/Intelligence.Sink/README.md): what each batch it
-- stores covers, so that a batch stored but not committed to Kafka before a crash is replayed with
-- the same deduplication tokens, or skipped, and never stored twice.
-- {db} is replaced with the target database name by the migrator.

-- One row per Kafka partition a sink batch covers: written with state 'planned' before the batch's
-- inserts and again with 'stored' once every table has it. start_offset is the consumer group's
-- committed offset the batch continued from (-1: none yet); on assignment a sink looks up the
-- batches that start at the committed offset. segments lists every partition range of the batch
-- (topic:partition:start:first:last, comma separated), so one row is enough to rebuild it exactly.
-- A batch older than the topics' retention cannot be replayed anyway: rows expire after 30 days.
CREATE TABLE IF NOT EXISTS {db}.sink_batches (
  group_id String, topic String, kafka_partition UInt32, start_offset Int64, batch_id String,
  state LowCardinality(String), segments String, records UInt32, at DateTime64(3, 'UTC')
) ENGINE = MergeTree ORDER BY (group_id, topic, kafka_partition, start_offset)
  TTL toDateTime(at) + INTERVAL 30 DAY
  SETTINGS non_replicated_deduplication_window = 10000;

-- A replayed batch lands once only in a table that keeps a deduplication window. Every table the
-- sink can write gets one; the latest-state tables too, whose replayed rows would otherwise count
-- twice until a merge (or on any read without FINAL).
ALTER TABLE {db}.pipeline_runs MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.scenario_truth MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.kpi_level_minute MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.products MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.source_ingest MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.stock_positions MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.channel_ats MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.channel_exposure_recommendations MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.orders MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.exceptions MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.fulfillment_nodes MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.purchase_orders MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.supplier_scorecards MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.supplier_warnings MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.product_line_returns MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.quality_flags MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.order_reconciliation MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.settlements MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.margin MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.margin_leakage MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.anomaly_scores MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.alerts MODIFY SETTING non_replicated_deduplication_window = 10000;
