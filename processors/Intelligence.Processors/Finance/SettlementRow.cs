using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// A row of <c>settlements</c>: one statement's figures (refunds, chargebacks and fees as positive
/// amounts, adjustments signed), its payout, and the difference between them. <see cref="Status"/> is
/// <c>reported</c> (no payout yet), <c>paid</c>, or <c>payout_only</c> (a payout for a statement not seen).
/// </summary>
public sealed record SettlementRow(
    string SettlementId, string Provider, string Status, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd,
    DateTimeOffset? ReportedAt, int Lines, decimal GrossSales, decimal Refunds, decimal Chargebacks, decimal Adjustments,
    decimal Fees, decimal Net, string? PayoutId, decimal? PayoutAmount, decimal? PayoutDifference, DateTimeOffset? PaidAt,
    double? PayoutLagHours, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "settlements";

    public override string Table => TableName;

    public override string RowKey => SettlementId;
}
