using Intelligence.Contracts;
using Intelligence.Contracts.Supplier;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// The morning buying run at one fulfilment node: every SKU whose position (available plus inbound)
/// has fallen to its reorder point is topped up, from the other node when that one has plenty,
/// otherwise on a purchase order to its supplier (one PO per supplier).
/// </summary>
internal sealed class ReplenishmentReview(int node) : IHappening
{
    private const int MaxLinesPerPo = 150;

    public void Happen(Simulation sim)
    {
        var stock = sim.Stock;
        var supplierCount = sim.Catalogue.Suppliers.Count;
        var wanted = new List<(int Sku, int Quantity)>?[supplierCount];
        for (var sku = 0; sku < sim.Plan.Skus; sku++)
        {
            var quantity = stock.ReorderQuantity(sku, node);
            if (quantity == 0)
            {
                continue;
            }

            if (RebalanceFrom(sim, sku, quantity) is { } donor)
            {
                Transfer.Dispatch(sim, donor, node, sku, quantity);
                continue;
            }

            stock.ExpectInbound(sku, node, quantity);
            var supplier = sim.Assortment.SupplierOf[sku];
            (wanted[supplier] ??= []).Add((sku, quantity));
        }

        for (var supplier = 0; supplier < supplierCount; supplier++)
        {
            var lines = wanted[supplier];
            for (var first = 0; lines is not null && first < lines.Count; first += MaxLinesPerPo)
            {
                Raise(sim, supplier, lines.GetRange(first, Math.Min(MaxLinesPerPo, lines.Count - first)));
            }
        }

        sim.Timeline.At(Calendar.NextHour(sim.Now.AddHours(1), 5, 10 * node), this);
    }

    /// <summary>Another fulfilment node that could send the whole quantity and still stay well above its own reorder point.</summary>
    private int? RebalanceFrom(Simulation sim, int sku, int quantity)
    {
        if (!sim.Rng.Chance(0.35))
        {
            return null;
        }

        for (var donor = 0; donor < Assortment.OnlineNodes; donor++)
        {
            if (donor != node && sim.Stock.IsOpened(sku, donor)
                && sim.Stock.Available(sku, donor) - 2 * sim.Stock.ReorderPoint(sku, donor) >= quantity)
            {
                return donor;
            }
        }

        return null;
    }

    private void Raise(Simulation sim, int supplier, List<(int Sku, int Quantity)> wanted)
    {
        var lead = sim.SupplierLeadDays[supplier];
        var poLines = new PurchaseOrderLine[wanted.Count];
        for (var i = 0; i < wanted.Count; i++)
        {
            var (sku, quantity) = wanted[i];
            lead = Math.Max(lead, sim.SkuLeadDays[sku]);
            poLines[i] = new PurchaseOrderLine { Sku = sim.SkuIds[sku], Quantity = quantity, UnitCost = sim.Catalogue.Skus[sku].UnitCost };
        }

        var po = new InboundPurchaseOrder(sim.Ids.Next(Document.PurchaseOrder), supplier, node, wanted,
            Calendar.NextHour(sim.Now.AddDays(lead), 10));
        sim.Emit(EventTypes.PurchaseOrderCreated, Sources.Erp, po.PoId, new PurchaseOrderCreated
        {
            PoId = po.PoId,
            SupplierId = sim.SupplierIds[supplier],
            Location = sim.LocationIds[node],
            Currency = Money.Currency,
            PromisedAt = po.PromisedAt,
            Lines = poLines,
        });
        po.Book(sim);
    }
}
