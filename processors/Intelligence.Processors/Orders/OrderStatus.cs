namespace Intelligence.Processors.Orders;

/// <summary>
/// The words of an order's status and how it follows from the lines. Lines cancelled before any
/// pick drop out; the rest count with their due units (<see cref="OrderLineState.Due"/>).
/// </summary>
public static class OrderStatus
{
    public const string Placed = "placed";
    public const string OnHold = "on_hold";
    public const string Backordered = "backordered";
    public const string PartiallyAllocated = "partially_allocated";
    public const string Allocated = "allocated";
    public const string Picked = "picked";
    public const string PartiallyShipped = "partially_shipped";
    public const string Shipped = "shipped";

    /// <summary>Every parcel delivered, but units of some line were never allocated and not cancelled.</summary>
    public const string PartiallyDelivered = "partially_delivered";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    public static string Of(OrderState order)
    {
        var live = 0;
        foreach (var line in order.Lines.Values)
        {
            live += line.Dropped ? 0 : 1;
        }

        if (order.Lines.Count > 0 && live == 0)
        {
            return Cancelled;
        }

        if (order.Holds.Count > 0)
        {
            return OnHold;
        }

        int due = 0, allocated = 0, picked = 0, shipped = 0, delivered = 0;
        var backordered = false;
        foreach (var line in order.Lines.Values)
        {
            if (line.Dropped)
            {
                continue;
            }

            var lineDue = line.Due;
            due += lineDue;
            allocated += Math.Min(lineDue, line.AllocatedNet);
            picked += Math.Min(lineDue, line.Picked);
            shipped += Math.Min(lineDue, line.Shipped);
            delivered += Math.Min(lineDue, line.Delivered);
            backordered |= line.Backordered;
        }

        var parcelsDelivered = order.Shipments.Count > 0;
        foreach (var parcel in order.Shipments.Values)
        {
            parcelsDelivered &= parcel.DeliveredAt is not null;
        }

        return (due, allocated, picked, shipped, delivered) switch
        {
            _ when due > 0 && delivered >= due => Delivered,
            _ when parcelsDelivered && allocated == shipped => PartiallyDelivered,
            _ when due > 0 && shipped >= due => Shipped,
            _ when shipped > 0 => PartiallyShipped,
            _ when due > 0 && picked >= due => Picked,
            _ when due > 0 && allocated >= due => Allocated,
            _ when backordered => Backordered,
            _ when allocated > 0 => PartiallyAllocated,
            _ => Placed,
        };
    }
}
