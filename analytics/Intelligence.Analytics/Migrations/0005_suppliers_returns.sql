-- Suppliers and returns: purchase orders, supplier scorecards and slippage warnings; product-line
-- return rates and quality flags. {db} is replaced with the target database name by the migrator.
-- Latest-state tables keep the highest revision per key: query them with FINAL.

-- One purchase order: its status, promised and actual arrival, and its units ordered, announced,
-- received and damaged, with fill rate and ASN accuracy.
CREATE TABLE IF NOT EXISTS {db}.purchase_orders (
  po_id String, supplier_id String, location LowCardinality(String), status LowCardinality(String),
  created_at DateTime64(3, 'UTC'), promised_at DateTime64(3, 'UTC'), asn_expected_at Nullable(DateTime64(3, 'UTC')),
  received_at Nullable(DateTime64(3, 'UTC')), ordered_units Int64, asn_units Int64, received_units Int64, damaged_units Int64,
  fill_rate Nullable(Float64), asn_accuracy Nullable(Float64), promised_lead_days Float64, actual_lead_days Nullable(Float64),
  days_late Nullable(Float64), updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (po_id);

-- One supplier: lead time, on-time, fill, ASN accuracy and damage over its latest receipts (the
-- receipt window), lifetime counts, open purchase orders and its current slip.
CREATE TABLE IF NOT EXISTS {db}.supplier_scorecards (
  supplier_id String, stated_lead_days Nullable(Int64), receipts_in_window Int64, promised_lead_days Nullable(Float64),
  lead_time_days Nullable(Float64), lead_time_stddev_days Nullable(Float64), days_late Nullable(Float64),
  on_time_rate Nullable(Float64), fill_rate Nullable(Float64), asn_accuracy Nullable(Float64), damaged_rate Nullable(Float64),
  short_shipments_in_window Int64, purchase_orders_received Int64, purchase_orders_on_time Int64, short_shipments Int64,
  open_purchase_orders Int64, slip_days Float64, slipping Bool, updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (supplier_id);

-- One purchase order named by a supplier slippage warning: promised and projected arrival, how it
-- ended (at_risk, arrived, closed, cleared) and the evidence behind the warning.
CREATE TABLE IF NOT EXISTS {db}.supplier_warnings (
  warning_id String, supplier_id String, po_id String, location LowCardinality(String), skus Array(String),
  status LowCardinality(String), warned_at DateTime64(3, 'UTC'), promised_at DateTime64(3, 'UTC'),
  asn_expected_at Nullable(DateTime64(3, 'UTC')), projected_at DateTime64(3, 'UTC'), projected_slip_days Float64,
  arrived_at Nullable(DateTime64(3, 'UTC')), slip_days Float64, recent_slip_days Nullable(Float64),
  trend_slope_days_per_day Nullable(Float64), evidence_purchase_orders Int64, evidence String,
  updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (warning_id, po_id);

-- One product line: recent and baseline delivered and returned units, their exposure (deliveries
-- weighed by the return-lag profile), the lag-adjusted rates, the z-score between them, the quality
-- flag and the reasons and SKUs (name:units) behind recent returns.
CREATE TABLE IF NOT EXISTS {db}.product_line_returns (
  category LowCardinality(String), delivered_recent Int64, returned_recent Int64, exposure_recent Float64,
  delivered_baseline Int64, returned_baseline Int64, exposure_baseline Float64, rate_recent Nullable(Float64), rate_baseline Nullable(Float64), z Nullable(Float64),
  flagged Bool, flagged_at Nullable(DateTime64(3, 'UTC')), top_reasons Array(String), top_skus Array(String),
  updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (category);

-- A product line's quality flag opening or closing (change = opened | closed), with the figures that decided it.
CREATE TABLE IF NOT EXISTS {db}.quality_flags (
  category LowCardinality(String), at DateTime64(3, 'UTC'), change LowCardinality(String), opened_at DateTime64(3, 'UTC'),
  delivered_recent Int64, returned_recent Int64, exposure_recent Float64, delivered_baseline Int64, returned_baseline Int64,
  exposure_baseline Float64, rate_recent Nullable(Float64), rate_baseline Nullable(Float64), z Nullable(Float64),
  top_reasons Array(String), top_skus Array(String)
) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (category, change, at);
