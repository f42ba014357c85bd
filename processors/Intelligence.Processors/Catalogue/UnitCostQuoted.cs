using Intelligence.Contracts;
using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Catalogue;

/// <summary>The cost a purchase-order line pays for a SKU, keyed by SKU.</summary>
public sealed record UnitCostQuoted(string Sku, int Quantity, decimal UnitCost, string PoId) : ISignal;

/// <summary>Splits a purchase order into its lines' costs, one per SKU.</summary>
public sealed class PurchaseCostRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } = [typeof(PurchaseOrderCreated)];

    public void Route(RetailEvent e, IOutputs outputs)
    {
        var po = (PurchaseOrderCreated)e.Payload;
        foreach (var line in po.Lines!)
        {
            outputs.Send(line.Sku!, new UnitCostQuoted(line.Sku!, line.Quantity!.Value, line.UnitCost!.Value, po.PoId!));
        }
    }
}
