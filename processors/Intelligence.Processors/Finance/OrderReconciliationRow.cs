using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// A row of <c>order_reconciliation</c>: an order's money against its settlement statements. Refunds,
/// chargebacks and their settled figures are positive amounts; <see cref="Adjustments"/> is signed.
/// </summary>
public sealed record OrderReconciliationRow(
    string OrderId, string Channel, string Provider, decimal Captured, decimal Refunded, decimal Chargebacks,
    decimal SettledSales, decimal SettledRefunds, decimal SettledChargebacks, decimal Adjustments, decimal Fees,
    decimal UnreconciledAmount, string Status, DateTimeOffset? FirstCapturedAt, DateTimeOffset? SettledAt,
    double? SettlementLagHours, decimal RefundExposure, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "order_reconciliation";

    public override string Table => TableName;

    public override string RowKey => OrderId;
}
