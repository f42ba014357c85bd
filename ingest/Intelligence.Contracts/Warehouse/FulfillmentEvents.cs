namespace Intelligence.Contracts.Warehouse;

/// <summary>Work on one order line at one location: the fields and rules allocation and picking share.</summary>
public abstract record OrderLineWork : IEventPayload
{
    public string? OrderId { get; init; }
    public string? LineId { get; init; }
    public string? Sku { get; init; }
    public string? Location { get; init; }
    public int? Quantity { get; init; }

    public virtual void Validate(PayloadCheck check)
    {
        check.Text(OrderId, "orderId");
        check.Text(LineId, "lineId");
        check.Text(Sku, "sku");
        check.Text(Location, "location");
        check.Quantity(Quantity, "quantity", allowZero: true);
    }
}

/// <summary><c>allocation.made</c>: an order line given stock at a location; less than requested is a partial allocation, zero a backorder.</summary>
public sealed record AllocationMade : OrderLineWork
{
    public int? RequestedQuantity { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Quantity(RequestedQuantity, "requestedQuantity");
        check.Rule(Quantity is null || RequestedQuantity is null || Quantity <= RequestedQuantity,
            "quantity", "is more than was requested");
    }
}

/// <summary><c>pick.completed</c>: units picked for a line; a short pick names the units not found.</summary>
public sealed record PickCompleted : OrderLineWork
{
    public int? ShortQuantity { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Quantity(ShortQuantity, "shortQuantity", allowZero: true);
    }
}

public sealed record ShipmentLine
{
    public string? LineId { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
}

/// <summary><c>shipment.dispatched</c>: a parcel leaves a node; an order shipped in several parcels is a split shipment.</summary>
public sealed record ShipmentDispatched : IEventPayload
{
    public string? ShipmentId { get; init; }
    public string? OrderId { get; init; }
    public string? Location { get; init; }
    public string? Carrier { get; init; }
    public DateTimeOffset? PromisedBy { get; init; }
    public decimal? ShippingCost { get; init; }
    public IReadOnlyList<ShipmentLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(ShipmentId, "shipmentId");
        check.Text(OrderId, "orderId");
        check.Text(Location, "location");
        check.Text(Carrier, "carrier");
        check.Time(PromisedBy, "promisedBy");
        check.Amount(ShippingCost, "shippingCost");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.LineId, $"{at}.lineId");
            check.Text(line.Sku, $"{at}.sku");
            check.Quantity(line.Quantity, $"{at}.quantity");
        });
    }
}

/// <summary><c>shipment.delivered</c>.</summary>
public sealed record ShipmentDelivered : IEventPayload
{
    public string? ShipmentId { get; init; }
    public string? OrderId { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(ShipmentId, "shipmentId");
        check.Text(OrderId, "orderId");
    }
}

/// <summary><c>shipment.delayed</c>: the carrier reports a new, later arrival.</summary>
public sealed record ShipmentDelayed : IEventPayload
{
    public string? ShipmentId { get; init; }
    public string? OrderId { get; init; }
    public string? Carrier { get; init; }
    public DateTimeOffset? NewEta { get; init; }
    public string? Reason { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(ShipmentId, "shipmentId");
        check.Text(OrderId, "orderId");
        check.Text(Carrier, "carrier");
        check.Time(NewEta, "newEta");
        check.Text(Reason, "reason");
    }
}

/// <summary><c>return.received</c>: returned units arrive at a node, sellable or damaged.</summary>
public sealed record ReturnReceived : IEventPayload
{
    public string? ReturnId { get; init; }
    public string? OrderId { get; init; }
    public string? Sku { get; init; }
    public string? Location { get; init; }
    public int? Quantity { get; init; }
    public string? Condition { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(ReturnId, "returnId");
        check.Text(OrderId, "orderId");
        check.Text(Sku, "sku");
        check.Text(Location, "location");
        check.Quantity(Quantity, "quantity");
        check.OneOf(Condition, Vocabulary.ReturnConditions, "condition");
    }
}
