using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>
/// The returns area for the lead to compose: the router from <c>return.requested</c> to the product
/// fold (keyed by SKU) and the product-line returns fold (keyed by category) fed by the product fold.
/// </summary>
public static class ReturnsArea
{
    public static IReadOnlyList<IFold> Folds(ReturnsOptions options) => [new ProductLineReturnsFold(options)];

    public static IReadOnlyList<IRouter> Routers() => [new ReturnsRouter()];
}
