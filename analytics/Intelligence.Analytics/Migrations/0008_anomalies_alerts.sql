-- Anomaly scores of the KPI series and the alerts they and the processors' own signals raise.
-- {db} is replaced with the target database name by the migrator. Latest-state tables keep the
-- highest revision per key: query them with FINAL.

-- One scored bucket of one KPI series (family demand | backlog | lead_time | returns | margin):
-- its value, the seasonal baseline's expectation, the signed deviation in robust standard
-- deviations, the score in [0, 1), whether a detection was in force, and what the score rests on
-- (warming-up, robust, robust+pca vN). What `./intelligence train` learns from.
CREATE TABLE IF NOT EXISTS {db}.anomaly_scores (
  family LowCardinality(String), metric LowCardinality(String), entity String, bucket DateTime64(3, 'UTC'),
  value Float64, expected Float64, deviation Float64, score Float64, detected Bool, basis LowCardinality(String),
  observations Int64
) ENGINE = ReplacingMergeTree ORDER BY (family, entity, bucket);

-- One incident's alert, latest state: kind, source (anomaly | operational), status (open | resolved),
-- severity and team, the KPI with its value, expectation and deviation (peak too), the likely cause
-- and the entities it names (kind:id), the next action, and its lifecycle.
CREATE TABLE IF NOT EXISTS {db}.alerts (
  alert_id String, kind LowCardinality(String), source LowCardinality(String), status LowCardinality(String),
  severity LowCardinality(String), team LowCardinality(String), metric LowCardinality(String), entity String,
  value Float64, expected Float64, deviation Float64, peak_deviation Float64, score Float64, cause String,
  cause_entities Array(String), next_action String, detail String, basis String, opened_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC'), resolved_at Nullable(DateTime64(3, 'UTC')), resolution LowCardinality(Nullable(String)),
  reports Int64, notices Int64, occurrence Int64, revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (alert_id);

-- Every message told about an alert (opened, updated, escalated, resolved), as delivered to the
-- webhook, the console and the alerts topic. Append-only; notice_id (alert_id#occurrence.sequence) is
-- unique and stable on replay: what receivers deduplicate on.
CREATE TABLE IF NOT EXISTS {db}.alert_notices (
  notice_id String, alert_id String, sequence Int64, change LowCardinality(String), at DateTime64(3, 'UTC'), kind LowCardinality(String),
  source LowCardinality(String), status LowCardinality(String), severity LowCardinality(String), team LowCardinality(String),
  metric LowCardinality(String), entity String, value Float64, expected Float64, deviation Float64, cause String,
  cause_entities Array(String), next_action String, detail String, basis String, opened_at DateTime64(3, 'UTC'),
  occurrence Int64
) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (at, alert_id, occurrence, sequence)
  SETTINGS non_replicated_deduplication_window = 10000;

-- Open alerts, most severe first: what a planner works through.
CREATE VIEW IF NOT EXISTS {db}.open_alerts AS
SELECT alert_id, kind, source, severity, team, metric, entity, value, expected, deviation, cause, cause_entities,
       next_action, detail, opened_at, updated_at, reports
FROM {db}.alerts FINAL
WHERE status = 'open'
ORDER BY multiIf(severity = 'critical', 0, severity = 'high', 1, severity = 'medium', 2, 3), opened_at;
