using Intelligence.Contracts;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// Units put on hold for inspection: after a few hours to days they are released, and now and then
/// some are found unsellable and written off.
/// </summary>
internal sealed class QualityHold(int sku, int location, int quantity) : IHappening
{
    public static void Place(Simulation sim, int sku, int location, int quantity, string reason)
    {
        sim.Stock.Open(sku, location);
        sim.Stock.Hold(sku, location, quantity);
        sim.Emit(EventTypes.StockHeld, sim.Sources.Locations[location], sim.Stock.Key(sku, location), new StockHeld
        {
            Location = sim.LocationIds[location],
            Sku = sim.SkuIds[sku],
            Quantity = quantity,
            Reason = reason,
        });
        sim.Timeline.After(sim.Rng.Between(TimeSpan.FromHours(6), TimeSpan.FromDays(3)), new QualityHold(sku, location, quantity));
    }

    public void Happen(Simulation sim)
    {
        var source = sim.Sources.Locations[location];
        var key = sim.Stock.Key(sku, location);
        var locationId = sim.LocationIds[location];
        var skuId = sim.SkuIds[sku];
        sim.Stock.ReleaseHold(sku, location, quantity);
        sim.Emit(EventTypes.StockReleased, source, key, new StockReleased { Location = locationId, Sku = skuId, Quantity = quantity });

        var writeOff = 1 + sim.Rng.Next(quantity);
        if (sim.Rng.Chance(0.2) && sim.Stock.Available(sku, location) >= writeOff)
        {
            sim.Stock.Adjust(sku, location, -writeOff);
            sim.Emit(EventTypes.StockAdjusted, source, key,
                new StockAdjusted { Location = locationId, Sku = skuId, Delta = -writeOff, Reason = "write_off" });
        }
    }
}
