using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// The nightly store run: each store's ranged SKUs that have fallen to their reorder point are
/// topped up by transfer from the DC in the store's region, as far as the DC can spare.
/// </summary>
internal sealed class StoreReplenishment : IHappening
{
    public void Happen(Simulation sim)
    {
        var stock = sim.Stock;
        for (var store = Assortment.FirstStore; store < sim.Plan.Locations; store++)
        {
            var dc = Assortment.SupplyingDc(store);
            for (var rank = 0; rank < sim.Plan.StoreRange; rank++)
            {
                var sku = sim.Assortment.ByRank[rank];
                var quantity = stock.ReorderQuantity(sku, store);
                if (quantity == 0 || !stock.IsOpened(sku, dc))
                {
                    continue;
                }

                // The DC keeps half its own reorder point back for online orders.
                var spare = stock.Available(sku, dc) - stock.ReorderPoint(sku, dc) / 2;
                var sent = Math.Min(quantity, spare);
                if (sent > 0)
                {
                    Transfer.Dispatch(sim, dc, store, sku, sent);
                }
            }
        }

        sim.Timeline.At(Calendar.NextHour(sim.Now.AddHours(1), 4), this);
    }
}
