using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Orders;

/// <summary>The order's header and money-side lifecycle: placement, holds, payments and cancellation.</summary>
public sealed partial class OrderFold
{
    private static readonly string[] HoldCategories =
        [ExceptionCategories.PaymentHold, ExceptionCategories.AddressValidation, ExceptionCategories.FraudReview];

    private static void Place(OrderState state, OrderPlaced placed, DateTimeOffset at, IOutputs outputs)
    {
        if (state.PlacedAt is not null)
        {
            return; // placed twice under one id: the first placement stands
        }

        state.PlacedAt = at;
        state.Channel = placed.Channel!;
        state.CustomerTier = placed.CustomerTier!;
        state.PromotionId = placed.PromotionId;
        var value = placed.ShippingCharged!.Value;
        var units = 0;
        foreach (var line in placed.Lines!)
        {
            var quantity = line.Quantity!.Value;
            value += quantity * line.UnitPrice!.Value - line.Discount!.Value;
            units += quantity;
            if (!state.Lines.TryGetValue(line.LineId!, out var kept))
            {
                state.Lines[line.LineId!] = kept = new OrderLineState { Sku = line.Sku! };
            }

            kept.Ordered = quantity;
            kept.Outstanding = quantity - kept.Allocated;
        }

        state.OrderValue = value;
        var channel = KpiEntity.Of("channel", state.Channel);
        outputs.Count("orders_placed", channel, at, 1);
        outputs.Count("order_value", channel, at, (double)value);
        outputs.Count("units_ordered", channel, at, units);
        new KpiObserved(KpiFamilies.Demand.Name, channel, units, Drivers: DemandDrivers(state, placed)).SendTo(outputs);
    }

    /// <summary>What the order's units were: its promotion (or none) and each SKU.</summary>
    private static List<KpiDriver> DemandDrivers(OrderState state, OrderPlaced placed)
    {
        var drivers = new List<KpiDriver>(placed.Lines!.Count + 1);
        var units = 0;
        foreach (var line in placed.Lines!)
        {
            drivers.Add(new KpiDriver($"sku:{line.Sku}", line.Quantity!.Value));
            units += line.Quantity!.Value;
        }

        drivers.Add(new KpiDriver(KpiEntity.Of("promotion", state.PromotionId ?? "none"), units));
        return drivers;
    }

    private void Hold(OrderState state, string orderId, OrderHeld held, IOutputs outputs)
    {
        var reason = held.Reason!;
        if (!state.Holds.Contains(reason))
        {
            state.Holds.Add(reason);
        }

        // The hold reasons are exception categories by design: payment_hold, address_validation, fraud_review.
        _exceptions.Raise(state, outputs, reason, OrderExceptions.OrderKind, orderId, held.Detail ?? $"order held: {reason}");
    }

    private static void Release(OrderState state, string orderId, string reason, string resolution, IOutputs outputs)
    {
        state.Holds.Remove(reason);
        OrderExceptions.Resolve(state, outputs, reason, orderId, resolution);
    }

    private static void Authorized(OrderState state, string orderId, IOutputs outputs)
    {
        state.PaymentStatus = "authorized";

        // A good authorisation settles a payment hold even if the release event is still to come.
        OrderExceptions.Resolve(state, outputs, ExceptionCategories.PaymentHold, orderId, "payment_authorized");
    }

    private void Declined(OrderState state, string orderId, PaymentDeclined declined, IOutputs outputs)
    {
        state.PaymentStatus = "declined";
        _exceptions.Raise(state, outputs, ExceptionCategories.PaymentHold, OrderExceptions.OrderKind, orderId,
            $"authorisation declined: {declined.Reason}");
    }

    private static void Refunded(OrderState state, IOutputs outputs)
    {
        state.PaymentStatus = "refunded";
        OrderExceptions.ResolveAll(state, outputs, ExceptionCategories.DamagedReturn, "refunded");
    }

    /// <summary>
    /// Cancels the named lines (all when none are named): each line's reserved units (allocated − picked
    /// − short − already released, per location) go back to stock, and the line's open exceptions close.
    /// </summary>
    private static void Cancel(OrderState state, string orderId, OrderCancelled cancel, IOutputs outputs)
    {
        var whole = cancel.LineIds is null;
        var lineIds = whole ? state.Lines.Keys.ToList() : cancel.LineIds!;
        foreach (var lineId in lineIds)
        {
            if (!state.Lines.TryGetValue(lineId, out var line) || line.Cancelled)
            {
                continue;
            }

            line.Cancelled = true;
            line.CancelledUnits = Math.Max(0, line.Ordered - (whole ? line.Shipped : line.Picked));
            line.Outstanding = 0;
            line.Backordered = false;
            foreach (var (location, there) in line.Locations)
            {
                var free = there.Reserved;
                there.Lots.Clear();
                if (free == 0)
                {
                    continue;
                }

                there.Released += free;
                line.Released += free;
                outputs.Send(StockKeys.Of(line.Sku, location), new ReservationReleased(line.Sku, location, free));
                outputs.Send(location, new AllocationReleased(location, orderId, lineId, free));
            }

            var entity = OrderExceptions.LineEntity(orderId, lineId);
            OrderExceptions.Resolve(state, outputs, ExceptionCategories.PartialAllocation, entity, "cancelled");
            OrderExceptions.Resolve(state, outputs, ExceptionCategories.Backorder, entity, "cancelled");
        }

        if (whole)
        {
            state.Cancelled = true;
            state.Holds.Clear();

            // A decline raises a payment hold before (or without) order.held, so every hold category is closed.
            foreach (var category in HoldCategories)
            {
                OrderExceptions.Resolve(state, outputs, category, orderId, "cancelled");
            }
        }
    }
}
