using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// The <c>supplier_short_shipment</c> exception of a purchase order (id <c>supplier_short_shipment:poId</c>):
/// raised when a receipt leaves the order short, resolved <c>filled</c> when a later receipt completes
/// it or <c>written_off</c> when the purchase-order fold gives up on the rest.
/// </summary>
public static class ShortShipments
{
    /// <summary>
    /// After a receipt: complete (resolve), short (raise, or raise again to update the detail), or a late
    /// receipt on an order already given up on (figures only). True when this receipt made the order short.
    /// </summary>
    public static bool Judge(PurchaseOrderState state, string poId, DateTimeOffset at, IOutputs outputs)
    {
        if (state.Shortfall == 0)
        {
            state.Status = PurchaseOrderStatuses.Received;
            state.ShortSince = null;
            Resolve(state, poId, "filled", outputs);
            return false;
        }

        if (state.Status is PurchaseOrderStatuses.ClosedShort or PurchaseOrderStatuses.Expired)
        {
            state.Status = PurchaseOrderStatuses.ClosedShort; // already given up on: figures only
            return false;
        }

        state.Status = PurchaseOrderStatuses.ReceivedShort;
        state.ShortSince = at;
        var wentShort = !state.ShortShipmentOpen;
        state.ShortShipmentOpen = true;
        var (sku, missing) = state.Lines.Select(l => (l.Key, Missing: l.Value.Ordered - l.Value.Received)).MaxBy(l => l.Missing);
        var category = ExceptionCategories.SupplierShortShipment;
        outputs.Send(ExceptionRaised.IdOf(category, poId), new ExceptionRaised(
            ExceptionRaised.IdOf(category, poId), category, "purchase_order", poId,
            new ExceptionContext(Location: state.Location, SupplierId: state.SupplierId, Sku: sku,
                Risk: (double)state.Shortfall / Math.Max(1, state.OrderedUnits)),
            $"PO {poId} from {state.SupplierId} at {state.Location}: {state.Shortfall} of {state.OrderedUnits} units short; most on {sku} ({missing} short)."));
        return wentShort;
    }

    public static void Resolve(PurchaseOrderState state, string poId, string resolution, IOutputs outputs)
    {
        if (!state.ShortShipmentOpen)
        {
            return;
        }

        state.ShortShipmentOpen = false;
        var id = ExceptionRaised.IdOf(ExceptionCategories.SupplierShortShipment, poId);
        outputs.Send(id, new ExceptionResolved(id, resolution));
    }
}
