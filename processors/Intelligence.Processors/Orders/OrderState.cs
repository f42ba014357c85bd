using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Orders;

/// <summary>One order: its header, lines, parcels, returns, holds and the exceptions it has open.</summary>
public sealed class OrderState : FoldState
{
    public string? Channel { get; set; }
    public string? CustomerTier { get; set; }
    public string? PromotionId { get; set; }

    /// <summary>Goods after line discounts plus shipping charged, as placed.</summary>
    public decimal OrderValue { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public string Status { get; set; } = OrderStatus.Placed;

    /// <summary>Open hold reasons (payment_hold, address_validation, fraud_review).</summary>
    public List<string> Holds { get; set; } = [];
    public string? PaymentStatus { get; set; }

    /// <summary>The whole order was cancelled (a cancel without line ids).</summary>
    public bool Cancelled { get; set; }

    /// <summary>What the first parcel promised the customer; order.placed does not carry it.</summary>
    public DateTimeOffset? PromisedBy { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool CountedDelivered { get; set; }
    public bool CountedCancelled { get; set; }
    public Dictionary<string, OrderLineState> Lines { get; set; } = [];
    public Dictionary<string, ShipmentState> Shipments { get; set; } = [];
    public Dictionary<string, ReturnState> Returns { get; set; } = [];

    /// <summary>Ids of the exceptions this order raised that are still open, so each is resolved once.</summary>
    public List<string> OpenExceptions { get; set; } = [];
}

/// <summary>One order line: units at each stage and, per location, what was allocated there.</summary>
public sealed class OrderLineState
{
    public string Sku { get; set; } = "";
    public int Ordered { get; set; }
    public int Allocated { get; set; }
    public int Picked { get; set; }
    public int ShortPicked { get; set; }
    public int Shipped { get; set; }
    public int Delivered { get; set; }
    public int ReturnRequested { get; set; }
    public int Returned { get; set; }
    public int Released { get; set; }

    /// <summary>
    /// Units that will not ship because of a cancel: ordered − picked when the line is cancelled (what
    /// was picked still ships), ordered − shipped when the whole order is (nothing more leaves).
    /// </summary>
    public int CancelledUnits { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>The latest allocation found no stock for the line, and none has been found since.</summary>
    public bool Backordered { get; set; }

    /// <summary>Units still wanted after the latest allocation (its requested quantity minus what it gave).</summary>
    public int Outstanding { get; set; }
    public Dictionary<string, LineAtLocation> Locations { get; set; } = [];

    /// <summary>Units the line should ship: ordered less cancelled units once cancelled, else less short-picked units.</summary>
    public int Due => Math.Max(0, Ordered - (Cancelled ? CancelledUnits : ShortPicked));

    /// <summary>Allocated units still on their way to the customer: not shorted and not released.</summary>
    public int AllocatedNet => Math.Max(0, Allocated - ShortPicked - Released);

    /// <summary>A cancelled line with nothing left to ship is out of the order's progress.</summary>
    public bool Dropped => Cancelled && Due == 0;
}

/// <summary>An order line's units at one location. Reserved units are allocated ones not yet picked, shorted or released.</summary>
public sealed class LineAtLocation
{
    public int Allocated { get; set; }
    public int Picked { get; set; }
    public int ShortPicked { get; set; }
    public int Released { get; set; }
    public int Shipped { get; set; }

    /// <summary>Allocations not yet consumed by picks, oldest first: a pick's delay is measured from the oldest.</summary>
    public List<AllocationLot> Lots { get; set; } = [];

    public int Reserved => Math.Max(0, Allocated - Picked - ShortPicked - Released);
}

public sealed class AllocationLot
{
    public DateTimeOffset At { get; set; }
    public int Units { get; set; }
}

/// <summary>One parcel of the order.</summary>
public sealed class ShipmentState
{
    public string Location { get; set; } = "";
    public string Carrier { get; set; } = "";
    public DateTimeOffset DispatchedAt { get; set; }
    public DateTimeOffset? PromisedBy { get; set; }
    public bool Delayed { get; set; }
    public DateTimeOffset? NewEta { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<ShippedLine> Lines { get; set; } = [];
}

public sealed class ShippedLine
{
    public string LineId { get; set; } = "";
    public string Sku { get; set; } = "";
    public int Units { get; set; }
}

/// <summary>A customer return: where it is expected back and how much of it still counts as in transit.</summary>
public sealed class ReturnState
{
    public string LineId { get; set; } = "";
    public string Sku { get; set; } = "";
    public string? Location { get; set; }
    public int Quantity { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int InTransit { get; set; }
    public int Received { get; set; }
}
