using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Margin;

/// <summary>
/// The margin fold for the composition root: <c>margin</c>, keyed <c>SKU|channel|promotion</c>. It
/// consumes what the product fold (<c>products</c>) passes on of the order-payments fold's ledger.
/// </summary>
public static class MarginArea
{
    public static IReadOnlyList<IFold> Folds(MarginOptions options) => [new MarginFold(options)];

    public static IReadOnlyList<IRouter> Routers() => [];
}
