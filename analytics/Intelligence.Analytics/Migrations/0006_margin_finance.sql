-- Margin and finance: order settlement reconciliation, settlement statements and payouts, margin per
-- product x channel x promotion, and margin leakage. {db} is replaced with the target database name.

-- One row per order (latest revision wins): its captures, refunds and chargebacks against what the
-- providers' statements settled, the unreconciled difference, settlement lag and refund exposure.
CREATE TABLE IF NOT EXISTS {db}.order_reconciliation (
  order_id String, channel LowCardinality(String), provider LowCardinality(String),
  captured Decimal(18, 4), refunded Decimal(18, 4), chargebacks Decimal(18, 4),
  settled_sales Decimal(18, 4), settled_refunds Decimal(18, 4), settled_chargebacks Decimal(18, 4),
  adjustments Decimal(18, 4), fees Decimal(18, 4), unreconciled_amount Decimal(18, 4), status LowCardinality(String),
  first_captured_at Nullable(DateTime64(3, 'UTC')), settled_at Nullable(DateTime64(3, 'UTC')),
  settlement_lag_hours Nullable(Float64), refund_exposure Decimal(18, 4), updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (order_id);

-- One row per settlement statement (latest revision wins): its totals by kind of line, the net it
-- promises, and the payout that paid it with the difference.
CREATE TABLE IF NOT EXISTS {db}.settlements (
  settlement_id String, provider LowCardinality(String), status LowCardinality(String),
  period_start Nullable(DateTime64(3, 'UTC')), period_end Nullable(DateTime64(3, 'UTC')), reported_at Nullable(DateTime64(3, 'UTC')),
  lines Int64, gross_sales Decimal(18, 4), refunds Decimal(18, 4), chargebacks Decimal(18, 4), adjustments Decimal(18, 4),
  fees Decimal(18, 4), net Decimal(18, 4), payout_id Nullable(String), payout_amount Nullable(Decimal(18, 4)),
  payout_difference Nullable(Decimal(18, 4)), paid_at Nullable(DateTime64(3, 'UTC')), payout_lag_hours Nullable(Float64),
  updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (settlement_id);

-- One row per SKU x channel x promotion ('none' for full-price sales), latest revision wins: the
-- running P&L from revenue to contribution margin, and the leakage components open on it.
CREATE TABLE IF NOT EXISTS {db}.margin (
  sku String, category LowCardinality(String), channel LowCardinality(String), promotion_id String,
  units Int64, refunded_units Int64, restocked_units Int64, revenue Decimal(18, 4), discount Decimal(18, 4),
  net_revenue Decimal(18, 4), cogs Decimal(18, 4), fees Decimal(18, 4), shipping_charged Decimal(18, 4),
  shipping_cost Decimal(18, 4), refunds Decimal(18, 4), chargebacks Decimal(18, 4), contribution Decimal(18, 4),
  margin_percent Nullable(Decimal(18, 4)), leaks Array(String), updated_at DateTime64(3, 'UTC'), revision Int64
) ENGINE = ReplacingMergeTree(revision) ORDER BY (sku, channel, promotion_id);

-- Append-only: a margin leak opening or closing on a SKU x channel x promotion, with the component's
-- figure against its limit and the entity's figures at that moment.
CREATE TABLE IF NOT EXISTS {db}.margin_leakage (
  sku String, category LowCardinality(String), channel LowCardinality(String), promotion_id String,
  component LowCardinality(String), state LowCardinality(String), percent Decimal(18, 4), limit_percent Decimal(18, 4),
  revenue Decimal(18, 4), net_revenue Decimal(18, 4), contribution Decimal(18, 4), margin_percent Nullable(Decimal(18, 4)),
  at DateTime64(3, 'UTC')
) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (component, channel, promotion_id, sku, at);
