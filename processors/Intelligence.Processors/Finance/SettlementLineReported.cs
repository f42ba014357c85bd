using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// One line of a provider's settlement statement, keyed by the order it settles. Amounts are as the
/// retailer receives them: sales positive, refunds and chargebacks negative, adjustments either way;
/// <see cref="Fee"/> is what the provider keeps and is never negative. <see cref="ReportedAt"/> is
/// when the statement was reported. Sent by <see cref="SettlementLinesRouter"/>.
/// </summary>
public sealed record SettlementLineReported(
    string SettlementId, string Provider, string OrderId, string Kind, decimal Amount, decimal Fee,
    DateTimeOffset PeriodEnd, DateTimeOffset ReportedAt) : ISignal;

/// <summary>The kinds of settlement line (the contract's closed set).</summary>
public static class SettlementLineKinds
{
    public const string Sale = "sale";
    public const string Refund = "refund";
    public const string Fee = "fee";
    public const string Chargeback = "chargeback";
    public const string Adjustment = "adjustment";

    /// <summary>
    /// What a line costs in fees: its fee, and for a <c>fee</c> line also the money withheld (a
    /// negative amount), so that net = Σ(amount − fee) = sales − refunds − chargebacks + adjustments − fees.
    /// </summary>
    public static decimal FeesOf(string kind, decimal amount, decimal fee) => kind == Fee ? fee - amount : fee;
}
