using Intelligence.Contracts;
using Intelligence.Contracts.Supplier;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// What suppliers promise: every supplier states its lead time at the start, and each week one of
/// them revises it, or states a longer one for a single SKU. The slipping supplier never changes its
/// promise: that is the point of the scenario.
/// </summary>
internal sealed class LeadTimePromises : IHappening
{
    private bool _announced;

    public void Happen(Simulation sim)
    {
        var suppliers = sim.Catalogue.Suppliers;
        if (!_announced)
        {
            _announced = true;
            for (var s = 0; s < suppliers.Count; s++)
            {
                Promise(sim, s, null, sim.SupplierLeadDays[s]);
            }
        }
        else
        {
            var s = sim.Rng.Next(suppliers.Count);
            if (s != sim.Scenarios.Slippage.Supplier)
            {
                if (sim.Rng.Chance(0.5))
                {
                    var days = Math.Clamp(sim.SupplierLeadDays[s] + (sim.Rng.Chance(0.5) ? 1 : -1), 2, 14);
                    sim.SupplierLeadDays[s] = days;
                    Promise(sim, s, null, days);
                }
                else if (SkuOf(sim, s) is { } sku)
                {
                    var days = sim.SupplierLeadDays[s] + 2 + sim.Rng.Next(4);
                    sim.SkuLeadDays[sku] = days;
                    Promise(sim, s, sim.SkuIds[sku], days);
                }
            }
        }

        sim.Timeline.At(Calendar.NextHour(sim.Now.AddDays(6), 9), this);
    }

    private static int? SkuOf(Simulation sim, int supplier)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var sku = sim.Assortment.DrawSku(sim.Rng, sim.Plan.Skus);
            if (sim.Assortment.SupplierOf[sku] == supplier)
            {
                return sku;
            }
        }

        return null;
    }

    private static void Promise(Simulation sim, int supplier, string? sku, int days)
    {
        var supplierId = sim.SupplierIds[supplier];
        sim.Emit(EventTypes.LeadTimePromised, Sources.SupplierPortal, supplierId,
            new LeadTimePromised { SupplierId = supplierId, Sku = sku, LeadTimeDays = days });
    }
}
