using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Orders;

/// <summary>The order's physical lifecycle: allocation, picking, parcels and delivery.</summary>
public sealed partial class OrderFold
{
    /// <summary>
    /// An allocation gives the line <c>Quantity</c> of the <c>RequestedQuantity</c> still outstanding:
    /// none is a backorder, some a partial allocation, all of it fills the line.
    /// </summary>
    private void Allocate(OrderState state, string orderId, AllocationMade allocation, DateTimeOffset at, IOutputs outputs)
    {
        var location = allocation.Location!;
        var quantity = allocation.Quantity!.Value;
        var requested = allocation.RequestedQuantity!.Value;
        var line = Line(state, allocation.LineId!, allocation.Sku!);
        var there = At(line, location);
        var entity = OrderExceptions.LineEntity(orderId, allocation.LineId!);
        line.Outstanding = line.Cancelled ? 0 : requested - quantity;
        if (line.Cancelled)
        {
            // Stock given to a line already cancelled is not wanted: what of it is still reserved goes straight back.
            there.Allocated += quantity;
            line.Allocated += quantity;
            var free = there.Reserved;
            if (free > 0)
            {
                there.Released += free;
                line.Released += free;
                outputs.Send(StockKeys.Of(line.Sku, location), new ReservationReleased(line.Sku, location, free));
            }

            return;
        }

        line.Backordered = quantity == 0;
        if (quantity == 0)
        {
            _exceptions.Raise(state, outputs, ExceptionCategories.Backorder, OrderExceptions.LineKind, entity,
                $"no stock for {requested} units of {line.Sku}", location, line.Sku);
            return;
        }

        there.Allocated += quantity;
        there.Lots.Add(new AllocationLot { At = at, Units = quantity });
        line.Allocated += quantity;
        outputs.Send(location, new LineAllocated(location, orderId, allocation.LineId!, line.Sku, quantity, state.PromisedBy));
        OrderExceptions.Resolve(state, outputs, ExceptionCategories.Backorder, entity, "allocated");
        if (quantity < requested)
        {
            _exceptions.Raise(state, outputs, ExceptionCategories.PartialAllocation, OrderExceptions.LineKind, entity,
                $"allocated {quantity} of {requested} units of {line.Sku} at {location}", location, line.Sku);
        }
        else
        {
            OrderExceptions.Resolve(state, outputs, ExceptionCategories.PartialAllocation, entity, "filled");
        }
    }

    /// <summary>A pick consumes picked + short units of the line's allocations there, oldest first; its delay runs from the oldest.</summary>
    private static void Pick(OrderState state, string orderId, PickCompleted pick, DateTimeOffset at, IOutputs outputs)
    {
        var location = pick.Location!;
        var picked = pick.Quantity!.Value;
        var shortUnits = pick.ShortQuantity!.Value;
        var line = Line(state, pick.LineId!, pick.Sku!);
        var there = At(line, location);
        there.Picked += picked;
        there.ShortPicked += shortUnits;
        line.Picked += picked;
        line.ShortPicked += shortUnits;

        double? delay = there.Lots.Count > 0 ? Math.Max(0, (at - there.Lots[0].At).TotalMinutes) : null;
        var consumed = picked + shortUnits;
        while (consumed > 0 && there.Lots.Count > 0)
        {
            var lot = there.Lots[0];
            var take = Math.Min(consumed, lot.Units);
            lot.Units -= take;
            consumed -= take;
            if (lot.Units == 0)
            {
                there.Lots.RemoveAt(0);
            }
        }

        outputs.Send(location, new LinePicked(location, orderId, pick.LineId!, picked, shortUnits, delay));
    }

    private void Dispatch(OrderState state, string orderId, ShipmentDispatched dispatched, DateTimeOffset at, IOutputs outputs)
    {
        var id = dispatched.ShipmentId!;
        if (state.Shipments.ContainsKey(id))
        {
            return; // the same parcel reported twice
        }

        var location = dispatched.Location!;
        var shipment = new ShipmentState
        {
            Location = location, Carrier = dispatched.Carrier!, DispatchedAt = at, PromisedBy = dispatched.PromisedBy!.Value,
        };
        var units = 0;
        var parcel = new List<ParcelLine>(dispatched.Lines!.Count);
        foreach (var shipped in dispatched.Lines!)
        {
            var quantity = shipped.Quantity!.Value;
            var line = Line(state, shipped.LineId!, shipped.Sku!);
            line.Shipped += quantity;
            At(line, location).Shipped += quantity;
            shipment.Lines.Add(new ShippedLine { LineId = shipped.LineId!, Sku = shipped.Sku!, Units = quantity });
            parcel.Add(new ParcelLine(shipped.LineId!, quantity));
            units += quantity;
        }

        state.Shipments[id] = shipment;
        state.PromisedBy ??= shipment.PromisedBy;
        outputs.Count("units_shipped", ChannelEntity(state), at, units);
        outputs.Send(location, new ParcelDispatched(location, orderId, id, parcel, shipment.PromisedBy));
        if (state.Shipments.Count >= 2)
        {
            _exceptions.Raise(state, outputs, ExceptionCategories.SplitShipment, OrderExceptions.OrderKind, orderId,
                $"order ships in {state.Shipments.Count} parcels ({string.Join(", ", state.Shipments.Values.Select(s => s.Location).Distinct())})",
                location);
        }
    }

    private void Delay(OrderState state, ShipmentDelayed delayed, IOutputs outputs)
    {
        if (!state.Shipments.TryGetValue(delayed.ShipmentId!, out var shipment) || shipment.DeliveredAt is not null)
        {
            return; // a delay for a parcel this order does not know, or one already delivered, changes nothing
        }

        shipment.Delayed = true;
        shipment.NewEta = delayed.NewEta!.Value;
        _exceptions.Raise(state, outputs, ExceptionCategories.CarrierDelay, OrderExceptions.ShipmentKind, delayed.ShipmentId!,
            $"{delayed.Carrier} reports {delayed.Reason}: new ETA {shipment.NewEta:yyyy-MM-dd HH:mm}Z" +
            (shipment.PromisedBy is { } p && shipment.NewEta > p ? $", after the promise of {p:yyyy-MM-dd HH:mm}Z" : ""),
            shipment.Location);
    }

    private static void Deliver(OrderState state, string orderId, ShipmentDelivered delivered, DateTimeOffset at, IOutputs outputs)
    {
        if (!state.Shipments.TryGetValue(delivered.ShipmentId!, out var shipment) || shipment.DeliveredAt is not null)
        {
            return;
        }

        shipment.DeliveredAt = at;
        foreach (var shipped in shipment.Lines)
        {
            Line(state, shipped.LineId, shipped.Sku).Delivered += shipped.Units;
            outputs.Send(shipped.Sku, new UnitsDelivered(shipped.Sku, state.Channel ?? "unknown", shipped.Units));
        }

        OrderExceptions.Resolve(state, outputs, ExceptionCategories.CarrierDelay, delivered.ShipmentId!, "delivered");
        if (state.Shipments.Values.All(s => s.DeliveredAt is not null))
        {
            OrderExceptions.Resolve(state, outputs, ExceptionCategories.SplitShipment, orderId, "delivered");
        }
    }
}
