using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// The finance folds and routers, for the composition root: <c>order-payments</c> (keyed by order id)
/// and <c>settlements</c> (keyed by settlement id), fed by <see cref="SettlementLinesRouter"/>. The
/// sales-ledger entries it sends need the product fold (<c>products</c>) and, after it, margin.
/// </summary>
public static class FinanceArea
{
    public static IReadOnlyList<IFold> Folds(FinanceOptions options) => [new OrderPaymentsFold(options), new SettlementFold(options)];

    public static IReadOnlyList<IRouter> Routers() => [new SettlementLinesRouter()];
}
