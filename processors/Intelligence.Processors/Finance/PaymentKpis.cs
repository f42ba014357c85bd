namespace Intelligence.Processors.Finance;

/// <summary>The KPI series the order-payments fold adds to, per <c>provider:&lt;p&gt;</c> and <c>channel:&lt;c&gt;</c>.</summary>
public static class PaymentKpis
{
    public const string CapturedAmount = "captured_amount";

    /// <summary>Σ statement sale lines: what providers settled of the captures.</summary>
    public const string SettledAmount = "settled_amount";
    public const string FeesAmount = "fees_amount";
    public const string RefundedAmount = "refunded_amount";
    public const string ChargebackAmount = "chargeback_amount";

    /// <summary>Hours from a capture to the statement that settles it: one sample per capture; the average is value / samples.</summary>
    public const string SettlementLagHours = "settlement_lag_hours";
}
