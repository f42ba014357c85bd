using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Orders;

/// <summary>
/// Keyed by order id: the lifecycle of each order and line, from placement through holds,
/// allocation, picking, parcels and delivery to returns. It tells stock positions (keyed
/// SKU@location) what cancels release and which returns are on their way back, the product fold
/// (keyed SKU) what was delivered, the node fold (keyed location) about each node's work, and the
/// exception queue about holds, partial allocations, backorders, split parcels, carrier delays and
/// damaged returns. Events of one order arrive in order (they share a partition key), so no grace
/// period is needed; an event for an order not yet placed still counts, and its row appears once placed.
/// </summary>
public sealed partial class OrderFold(OrdersOptions options) : Fold<OrderState>
{
    private readonly OrderExceptions _exceptions = new(options);

    public override string Name => "orders";

    public override IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(OrderPlaced), typeof(OrderCancelled), typeof(OrderHeld), typeof(OrderReleased),
        typeof(AllocationMade), typeof(PickCompleted), typeof(ShipmentDispatched), typeof(ShipmentDelayed),
        typeof(ShipmentDelivered), typeof(ReturnRequested), typeof(ReturnReceived),
        typeof(PaymentAuthorized), typeof(PaymentDeclined), typeof(PaymentCaptured), typeof(PaymentRefunded),
    ];

    protected override void Apply(OrderState state, in Message message, IOutputs outputs)
    {
        var orderId = message.Key;
        var at = message.At;
        switch (message.Body)
        {
            case OrderPlaced placed: Place(state, placed, at, outputs); break;
            case OrderHeld held: Hold(state, orderId, held, outputs); break;
            case OrderReleased released: Release(state, orderId, released.Reason!, "released", outputs); break;
            case OrderCancelled cancelled: Cancel(state, orderId, cancelled, outputs); break;
            case PaymentAuthorized: Authorized(state, orderId, outputs); break;
            case PaymentDeclined declined: Declined(state, orderId, declined, outputs); break;
            case PaymentCaptured: state.PaymentStatus = "captured"; break;
            case PaymentRefunded: Refunded(state, outputs); break;
            case AllocationMade allocation: Allocate(state, orderId, allocation, at, outputs); break;
            case PickCompleted pick: Pick(state, orderId, pick, at, outputs); break;
            case ShipmentDispatched shipment: Dispatch(state, orderId, shipment, at, outputs); break;
            case ShipmentDelayed delayed: Delay(state, delayed, outputs); break;
            case ShipmentDelivered delivered: Deliver(state, orderId, delivered, at, outputs); break;
            case ReturnRequested request: RequestReturn(state, request, at, outputs); break;
            case ReturnReceived received: ReceiveReturn(state, received, outputs); break;
        }

        Changed(state, orderId, at, outputs);
    }

    /// <summary>The earliest time a requested return runs out of transit, if one is pending.</summary>
    protected override DateTimeOffset? DueAt(OrderState state)
    {
        DateTimeOffset? due = null;
        foreach (var r in state.Returns.Values)
        {
            if (r.InTransit > 0 && (due is null || r.RequestedAt + options.ReturnInTransitExpiry < due))
            {
                due = r.RequestedAt + options.ReturnInTransitExpiry;
            }
        }

        return due;
    }

    protected override void Tick(OrderState state, string key, DateTimeOffset now, IOutputs outputs) => ExpireReturns(state, now, outputs);

    /// <summary>A finished order (delivered, cancelled, or never placed) with no exception open is kept <see cref="OrdersOptions.RetainFinishedFor"/>.</summary>
    protected override DateTimeOffset? RetireAt(OrderState state) =>
        Retention.After(IsFinished(state), state.UpdatedAt, options.RetainFinishedFor);

    /// <summary>The order's row, once it is placed.</summary>
    protected override void WriteLatest(OrderState state, string key, long revision, IOutputs outputs)
    {
        if (state.PlacedAt is not { } placed)
        {
            return;
        }

        int ordered = 0, allocated = 0, shipped = 0, delivered = 0, returned = 0, cancelled = 0;
        foreach (var line in state.Lines.Values)
        {
            (ordered, allocated, shipped) = (ordered + line.Ordered, allocated + line.Allocated, shipped + line.Shipped);
            (delivered, returned, cancelled) = (delivered + line.Delivered, returned + line.Returned, cancelled + line.CancelledUnits);
        }

        outputs.Write(new OrderRow(
            key, state.Channel!, state.CustomerTier!, state.PromotionId, state.OrderValue, state.Status, state.PaymentStatus,
            placed, ordered, allocated, shipped, delivered, returned, cancelled, state.Shipments.Count,
            state.PromisedBy, state.DeliveredAt, state.DeliveredAt is { } d && state.PromisedBy is { } p ? d <= p : null,
            state.UpdatedAt)
        {
            Revision = revision,
        });
    }

    private static bool IsFinished(OrderState state) =>
        state.OpenExceptions.Count == 0
        && (state.PlacedAt is null || state.Status is OrderStatus.Delivered or OrderStatus.PartiallyDelivered or OrderStatus.Cancelled);

    private static OrderLineState Line(OrderState state, string lineId, string sku)
    {
        if (!state.Lines.TryGetValue(lineId, out var line))
        {
            // Work on a line the order did not list (or before order.placed): kept, so nothing it moves is lost.
            state.Lines[lineId] = line = new OrderLineState { Sku = sku };
        }

        return line;
    }

    private static LineAtLocation At(OrderLineState line, string location)
    {
        if (!line.Locations.TryGetValue(location, out var at))
        {
            line.Locations[location] = at = new LineAtLocation();
        }

        return at;
    }

    /// <summary>Works out the status, counts what the change completed, and writes the row once the order is placed.</summary>
    private void Changed(OrderState state, string orderId, DateTimeOffset at, IOutputs outputs)
    {
        if (at > state.UpdatedAt)
        {
            state.UpdatedAt = at;
        }

        state.Status = OrderStatus.Of(state);
        if (state.Status == OrderStatus.Cancelled && !state.CountedCancelled)
        {
            state.CountedCancelled = true;
            outputs.Count("orders_cancelled", ChannelEntity(state), at, 1);
        }

        if (state.Status == OrderStatus.Delivered && !state.CountedDelivered)
        {
            state.CountedDelivered = true;
            state.DeliveredAt = at;
            var channel = ChannelEntity(state);
            outputs.Count("orders_delivered", channel, at, 1);
            if (state.PromisedBy is { } promised && at <= promised)
            {
                outputs.Count("orders_delivered_on_time", channel, at, 1);
            }

            if (state.PlacedAt is { } placedAt)
            {
                outputs.Count("order_cycle_hours", channel, at, (at - placedAt).TotalHours);
            }
        }

        outputs.Changed(this, state, orderId);
    }

    private static string ChannelEntity(OrderState state) => KpiEntity.Of("channel", state.Channel ?? "unknown");
}
