using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>The inventory area's folds and routers, for the composition root to put in the topology.</summary>
public static class InventoryArea
{
    public static IReadOnlyList<IFold> Folds(InventoryOptions o) => [new StockPositionFold(o), new ChannelAtsFold(o)];

    public static IReadOnlyList<IRouter> Routers() => [new InventoryRouter()];
}
