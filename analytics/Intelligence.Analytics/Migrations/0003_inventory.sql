-- Inventory tables: stock positions per SKU x location, channel ATS per SKU x channel, and exposure
-- recommendations. {db} is replaced with the target database name by the migrator.

-- The latest figures of one SKU at one location (ATS = on hand - reserved - quality hold - safety stock;
-- projected ATS adds inbound, transfers in and returns in transit). Query with FINAL.
CREATE TABLE IF NOT EXISTS {db}.stock_positions (
  sku String, location LowCardinality(String),
  on_hand Int64, reserved Int64, quality_hold Int64, inbound Int64, inbound_expected_at Nullable(DateTime64(3, 'UTC')),
  transfers_in Int64, transfers_out Int64, returns_in_transit Int64, safety_stock Int64, ats Int64, projected_ats Int64,
  oversold Bool, confidence Float64, cover_days Nullable(Float64), days_since_receipt Nullable(Float64),
  days_since_pick Nullable(Float64), last_count_at Nullable(DateTime64(3, 'UTC')), updated_at DateTime64(3, 'UTC'),
  revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (location, sku);

-- What one channel may sell of one SKU under its allocation rule, how fast it sells, and what it lists
-- (drift = listed quantity - channel ATS). Query with FINAL.
CREATE TABLE IF NOT EXISTS {db}.channel_ats (
  sku String, channel LowCardinality(String),
  channel_ats Int64, pool Int64, buffer Int64, excluded_units Int64, protected_units Int64,
  listed_quantity Nullable(Int64), drift Nullable(Int64), sell_rate_per_hour Float64, hours_of_cover Nullable(Float64),
  updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (channel, sku);

-- One recommendation to show less of a SKU on a channel whose sell rate threatens its ATS, with the
-- numbers and the reasoning; a new row each time the advice moves materially (append-only).
CREATE TABLE IF NOT EXISTS {db}.channel_exposure_recommendations (
  sku String, channel LowCardinality(String), promotion_id Nullable(String),
  channel_ats Int64, pool Int64, sell_rate_per_hour Float64, hours_of_cover Float64,
  recommended_exposure Int64, recommended_buffer_percent Float64, reasoning String,
  recommended_at DateTime64(3, 'UTC')
) ENGINE = MergeTree PARTITION BY toYYYYMM(recommended_at) ORDER BY (channel, sku, recommended_at);
