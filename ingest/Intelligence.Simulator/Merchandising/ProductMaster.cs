using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Merchandising;

/// <summary>
/// The product information system (PIM): a SKU's master record (name, product line, supplier,
/// standard cost, list price), keyed by SKU. The whole range is sent at the start of the run, before
/// anything else mentions a SKU, and a SKU is sent again whenever the price review moves its list price.
/// </summary>
internal sealed class ProductMaster(int first, int end) : IHappening
{
    /// <summary>SKUs sent per happening at the start, so the outbox never holds a whole large range at once.</summary>
    private const int Batch = 500;

    /// <summary>
    /// Books the opening load at <paramref name="at"/>. Call it before booking anything else for that
    /// moment: happenings at one time run in the order they were booked.
    /// </summary>
    public static void BookOpening(Simulation sim, DateTimeOffset at)
    {
        for (var from = 0; from < sim.Plan.Skus; from += Batch)
        {
            sim.Timeline.At(at, new ProductMaster(from, Math.Min(from + Batch, sim.Plan.Skus)));
        }
    }

    public void Happen(Simulation sim)
    {
        for (var sku = first; sku < end; sku++)
        {
            Publish(sim, sku);
        }
    }

    /// <summary>Sends the SKU's current master record, with today's list price.</summary>
    public static void Publish(Simulation sim, int sku)
    {
        var product = sim.Catalogue.Skus[sku];
        sim.Emit(EventTypes.ProductUpdated, Sources.ProductInformation, product.Id, new ProductUpdated
        {
            Sku = product.Id,
            Name = product.Name,
            Category = product.Category,
            SupplierId = product.SupplierId,
            UnitCost = product.UnitCost,
            Price = sim.Prices.List(sku),
            Currency = Money.Currency,
        });
    }
}
