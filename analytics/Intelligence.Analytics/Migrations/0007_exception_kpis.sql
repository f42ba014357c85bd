-- Exception queue KPIs for analysts and dashboards.

-- Open exceptions by category and age bucket, as of the latest change the queue has seen (stream
-- time, not the wall clock, so that a replayed month reads as it was then).
CREATE VIEW IF NOT EXISTS {db}.open_exceptions_by_age AS
WITH (SELECT max(updated_at) FROM {db}.exceptions) AS as_of
SELECT
  category,
  multiIf(dateDiff('minute', opened_at, as_of) < 60, '1: under 1 h',
          dateDiff('minute', opened_at, as_of) < 240, '2: 1-4 h',
          dateDiff('minute', opened_at, as_of) < 1440, '3: 4-24 h',
          dateDiff('minute', opened_at, as_of) < 4320, '4: 1-3 days',
          '5: over 3 days') AS age_bucket,
  count() AS open,
  countIf(breached) AS breached,
  as_of
FROM {db}.exceptions FINAL
WHERE status = 'open'
GROUP BY category, age_bucket;

-- Time to resolve per category and day of resolution (from the queue's KPI counts).
CREATE VIEW IF NOT EXISTS {db}.exception_resolution_by_day AS
SELECT
  toDate(minute) AS day,
  substring(entity, 10) AS category,
  sum(samples) AS resolved,
  sum(value) / greatest(sum(samples), 1) / 3600 AS mean_hours_to_resolve
FROM {db}.kpi_minute
WHERE metric = 'exception_resolve_seconds' AND entity LIKE 'category:%'
GROUP BY day, category;
