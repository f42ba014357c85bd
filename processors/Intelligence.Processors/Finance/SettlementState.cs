using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>One settlement statement's totals and the payout that paid it.</summary>
public sealed class SettlementState : FoldState
{
    public string? Provider { get; set; }
    public DateTimeOffset? PeriodStart { get; set; }
    public DateTimeOffset? PeriodEnd { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public int Lines { get; set; }
    public decimal GrossSales { get; set; }
    public decimal Refunds { get; set; }
    public decimal Chargebacks { get; set; }
    public decimal Adjustments { get; set; }
    public decimal Fees { get; set; }
    public string? PayoutId { get; set; }
    public decimal? PayoutAmount { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the statement says will be paid: sales − refunds − chargebacks + adjustments − fees.</summary>
    public decimal Net => GrossSales - Refunds - Chargebacks + Adjustments - Fees;
}
