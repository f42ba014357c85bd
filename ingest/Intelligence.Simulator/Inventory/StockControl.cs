using Intelligence.Contracts;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// The floor's daytime housekeeping, hour by hour: cycle counts (which now and then find the book
/// wrong), adjustments for damage, shrinkage and found stock, and quality holds. Volumes follow the
/// business's size so small runs are not swamped.
/// </summary>
internal sealed class StockControl : IHappening
{
    private const int FirstHour = 8;
    private const int LastHour = 18;
    private const double WorkingHours = LastHour - FirstHour + 1;

    private static readonly string[] HoldReasons = ["quality_inspection", "recall_check", "packaging_damage"];

    public void Happen(Simulation sim)
    {
        var perDay = sim.Plan.OrdersPerDay;
        for (var i = sim.Rng.Round(perDay * 0.25 / WorkingHours); i > 0; i--)
        {
            CycleCount(sim);
        }

        for (var i = sim.Rng.Round(perDay * 0.03 / WorkingHours); i > 0; i--)
        {
            Adjust(sim);
        }

        for (var i = sim.Rng.Round(perDay * 0.008 / WorkingHours); i > 0; i--)
        {
            var node = sim.Rng.Next(Assortment.OnlineNodes);
            var sku = sim.Assortment.DrawSku(sim.Rng, sim.Plan.Skus);
            var available = sim.Stock.Available(sku, node);
            if (sim.Stock.IsOpened(sku, node) && available >= 4)
            {
                QualityHold.Place(sim, sku, node, 1 + sim.Rng.Next(available / 4), sim.Rng.Pick(HoldReasons));
            }
        }

        var next = sim.Now.AddHours(1);
        sim.Timeline.At(next.Hour is >= FirstHour and <= LastHour ? next : Calendar.NextHour(next, FirstHour), this);
    }

    private static void CycleCount(Simulation sim)
    {
        var (sku, location) = Somewhere(sim);
        if (!sim.Stock.IsOpened(sku, location))
        {
            return;
        }

        var book = sim.Stock.OnHand(sku, location);
        var counted = sim.Rng.Chance(0.15) ? Math.Max(0, book + sim.Rng.Next(-3, 3)) : book;
        sim.Stock.Count(sku, location, counted);
        sim.Emit(EventTypes.StockCounted, sim.Sources.Locations[location], sim.Stock.Key(sku, location), new StockCounted
        {
            Location = sim.LocationIds[location],
            Sku = sim.SkuIds[sku],
            CountedQuantity = counted,
        });
    }

    private static void Adjust(Simulation sim)
    {
        var (sku, location) = Somewhere(sim);
        if (!sim.Stock.IsOpened(sku, location))
        {
            return;
        }

        var roll = sim.Rng.NextDouble();
        var (delta, reason) = roll < 0.35 ? (-1, "damage")
            : roll < 0.65 ? (-1 - sim.Rng.Next(2), "shrinkage")
            : roll < 0.85 ? (1 + sim.Rng.Next(2), "found")
            : (sim.Rng.Chance(0.5) ? 1 + sim.Rng.Next(3) : -1 - sim.Rng.Next(3), "correction");
        if (delta < 0 && sim.Stock.Available(sku, location) < -delta)
        {
            return;
        }

        sim.Stock.Adjust(sku, location, delta);
        sim.Emit(EventTypes.StockAdjusted, sim.Sources.Locations[location], sim.Stock.Key(sku, location), new StockAdjusted
        {
            Location = sim.LocationIds[location],
            Sku = sim.SkuIds[sku],
            Delta = delta,
            Reason = reason,
        });
    }

    /// <summary>A stocked SKU at a node or store, busier ones more often (they are counted more).</summary>
    private static (int Sku, int Location) Somewhere(Simulation sim)
    {
        if (sim.Rng.Chance(0.6))
        {
            return (sim.Assortment.DrawSku(sim.Rng, sim.Plan.Skus), sim.Rng.Next(Assortment.OnlineNodes));
        }

        var store = Assortment.FirstStore + sim.Rng.Next(sim.Plan.Stores);
        return (sim.Assortment.DrawSku(sim.Rng, sim.Plan.StoreRange), store);
    }
}
