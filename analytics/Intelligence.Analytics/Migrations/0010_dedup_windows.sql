-- Append-only history tables created without an insert deduplication window: a retried batch (the
-- same deduplication token, after a store error or a sink restart) would be stored twice in them.
-- Every append-only table keeps the same window as the others (10,000 blocks); latest-state tables
-- (ReplacingMergeTree by revision) come out the same from a repeat and need none.
ALTER TABLE {db}.channel_exposure_recommendations MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.quality_flags MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE {db}.margin_leakage MODIFY SETTING non_replicated_deduplication_window = 10000
