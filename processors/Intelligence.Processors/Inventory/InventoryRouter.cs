using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// Turns every event that moves stock into <see cref="StockMoved"/> or <see cref="StockCountTaken"/>
/// keyed <c>SKU@LOCATION</c>, whatever the event's own key (order, PO, transfer): the only way such
/// events reach a stock position. Order lines and listings become <see cref="ChannelDemand"/> and
/// <see cref="ListingReported"/> keyed by SKU for the channel fold.
/// </summary>
public sealed class InventoryRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(StockReceived), typeof(StockAdjusted), typeof(StockCounted), typeof(StockHeld), typeof(StockReleased),
        typeof(TransferDispatched), typeof(TransferReceived), typeof(AllocationMade), typeof(PickCompleted),
        typeof(ReturnReceived), typeof(PurchaseOrderReceived), typeof(OrderPlaced), typeof(ListingUpdated),
    ];

    public void Route(RetailEvent e, IOutputs outputs)
    {
        switch (e.Payload)
        {
            case StockReceived r:
                Move(outputs, r.Sku!, r.Location!, MovementKinds.Received, r.Quantity!.Value);
                break;
            case StockAdjusted a:
                Move(outputs, a.Sku!, a.Location!, MovementKinds.Adjusted, a.Delta!.Value);
                break;
            case StockCounted c:
                outputs.Send(StockKeys.Of(c.Sku!, c.Location!), new StockCountTaken(c.Sku!, c.Location!, c.CountedQuantity!.Value));
                break;
            case StockHeld h:
                Move(outputs, h.Sku!, h.Location!, MovementKinds.Held, h.Quantity!.Value);
                break;
            case StockReleased r:
                Move(outputs, r.Sku!, r.Location!, MovementKinds.Released, r.Quantity!.Value);
                break;
            case TransferDispatched t:
                Send(outputs, new StockMoved(t.Sku!, t.FromLocation!, MovementKinds.TransferOut, t.Quantity!.Value) { Reference = t.TransferId });
                Send(outputs, new StockMoved(t.Sku!, t.ToLocation!, MovementKinds.TransferExpected, t.Quantity!.Value)
                {
                    Reference = t.TransferId, ExpectedAt = t.ExpectedAt,
                });
                break;
            case TransferReceived t:
                Send(outputs, new StockMoved(t.Sku!, t.ToLocation!, MovementKinds.TransferIn, t.Quantity!.Value) { Reference = t.TransferId });
                Send(outputs, new StockMoved(t.Sku!, t.FromLocation!, MovementKinds.TransferArrived, t.Quantity!.Value) { Reference = t.TransferId });
                break;
            case AllocationMade a:
                Move(outputs, a.Sku!, a.Location!, MovementKinds.Allocated, a.Quantity!.Value);
                break;
            case PickCompleted p:
                Send(outputs, new StockMoved(p.Sku!, p.Location!, MovementKinds.Picked, p.Quantity!.Value) { ShortQuantity = p.ShortQuantity!.Value });
                break;
            case ReturnReceived r when r.Condition == "sellable":
                Move(outputs, r.Sku!, r.Location!, MovementKinds.Returned, r.Quantity!.Value);
                break;
            case PurchaseOrderReceived po:
                foreach (var line in po.Lines!)
                {
                    Move(outputs, line.Sku!, po.Location!, MovementKinds.PurchaseReceived, line.Quantity!.Value - line.Damaged!.Value);
                }

                break;
            case OrderPlaced order:
                foreach (var line in order.Lines!)
                {
                    outputs.Send(line.Sku!, new ChannelDemand(line.Sku!, order.Channel!, line.Quantity!.Value, order.PromotionId));
                }

                break;
            case ListingUpdated listing:
                outputs.Send(listing.Sku!, new ListingReported(listing.Sku!, listing.Channel!, listing.ListedQuantity!.Value));
                break;
        }
    }

    private static void Move(IOutputs outputs, string sku, string location, string kind, int quantity) =>
        Send(outputs, new StockMoved(sku, location, kind, quantity));

    private static void Send(IOutputs outputs, StockMoved moved) => outputs.Send(StockKeys.Of(moved.Sku, moved.Location), moved);
}
