using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// The suppliers area for the lead to compose: the purchase-order fold (keyed by PO id) and the
/// supplier scorecard (keyed by supplier id). It needs no router: <c>po.created</c>, <c>asn.sent</c>
/// and <c>po.received</c> are keyed by PO id and <c>leadtime.promised</c> by supplier id already.
/// </summary>
public static class SuppliersArea
{
    public static IReadOnlyList<IFold> Folds(SuppliersOptions options) =>
        [new PurchaseOrderFold(options), new SupplierScorecardFold(options)];

    public static IReadOnlyList<IRouter> Routers() => [];
}
