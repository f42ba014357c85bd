-- Foundation tables: raw events, dead letters, pipeline runs and scenario ground truth.
-- {db} is replaced with the target database name by the migrator.

-- Every accepted event, as received. Ordered low to high cardinality for the analyst queries
-- (by family and type over time). The deduplication window makes a replayed batch with the same
-- insert_deduplication_token land once, although the table is not replicated.
CREATE TABLE IF NOT EXISTS {db}.raw_events (
  event_id String, family LowCardinality(String), type LowCardinality(String), source LowCardinality(String),
  occurred_at DateTime64(3, 'UTC'), received_at DateTime64(3, 'UTC'), schema_version UInt16,
  partition_key String, log_partition UInt16, log_offset UInt64, payload String CODEC(ZSTD(3))
) ENGINE = MergeTree PARTITION BY toYYYYMM(occurred_at) ORDER BY (family, type, occurred_at, event_id)
  TTL toDateTime(occurred_at) + INTERVAL 5 YEAR
  SETTINGS non_replicated_deduplication_window = 10000;

-- Input that could not be processed, kept with the reason and the raw bytes so none disappears.
CREATE TABLE IF NOT EXISTS {db}.dead_letters (
  received_at DateTime64(3, 'UTC'), source LowCardinality(String), reason LowCardinality(String), detail String,
  event_id String, event_type String, raw String CODEC(ZSTD(3)), raw_encoding LowCardinality(String), raw_bytes UInt32,
  log_partition UInt16, log_offset UInt64
) ENGINE = MergeTree PARTITION BY toYYYYMM(received_at) ORDER BY (source, reason, received_at)
  TTL toDateTime(received_at) + INTERVAL 5 YEAR
  SETTINGS non_replicated_deduplication_window = 10000;

-- One row per ingest run; a run reported again replaces its earlier row (latest finished_at wins).
CREATE TABLE IF NOT EXISTS {db}.pipeline_runs (
  run_id String, started_at DateTime64(3, 'UTC'), finished_at DateTime64(3, 'UTC'), source LowCardinality(String),
  received UInt64, stored UInt64, dead_lettered UInt64, duplicates UInt64, rejects_by_reason Map(String, UInt64), settings String
) ENGINE = ReplacingMergeTree(finished_at) ORDER BY run_id;

-- What the simulator planted in a run, so tests and dashboards can check the pipeline finds it.
CREATE TABLE IF NOT EXISTS {db}.scenario_truth (
  run_id String, scenario LowCardinality(String), entity_kind LowCardinality(String), entity_id String, description String,
  starts_at DateTime64(3, 'UTC'), ends_at DateTime64(3, 'UTC'), details Map(String, String)
) ENGINE = ReplacingMergeTree ORDER BY (run_id, scenario, entity_id);

-- Analyst view: how many events of each family and type, and the event-time span they cover.
CREATE VIEW IF NOT EXISTS {db}.events_by_type AS
SELECT family, type, count() AS events, min(occurred_at) AS first_occurred_at, max(occurred_at) AS last_occurred_at
FROM {db}.raw_events
GROUP BY family, type;
