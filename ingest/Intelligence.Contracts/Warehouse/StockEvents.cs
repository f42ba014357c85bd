namespace Intelligence.Contracts.Warehouse;

/// <summary>Units of one SKU moving at one location: the fields and rules the stock events share.</summary>
public abstract record StockMovement : IEventPayload
{
    public string? Location { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }

    public virtual void Validate(PayloadCheck check)
    {
        check.Text(Location, "location");
        check.Text(Sku, "sku");
        check.Quantity(Quantity, "quantity");
    }
}

/// <summary><c>stock.received</c>: units booked in at a location outside a purchase order.</summary>
public sealed record StockReceived : StockMovement
{
    public string? Reference { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.OptionalText(Reference, "reference");
    }
}

/// <summary><c>stock.adjusted</c>: a signed correction to on-hand stock.</summary>
public sealed record StockAdjusted : IEventPayload
{
    public string? Location { get; init; }
    public string? Sku { get; init; }
    public int? Delta { get; init; }
    public string? Reason { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(Location, "location");
        check.Text(Sku, "sku");
        check.Delta(Delta, "delta");
        check.OneOf(Reason, Vocabulary.AdjustmentReasons, "reason");
    }
}

/// <summary><c>stock.counted</c>: a cycle count; the counted figure replaces the book figure.</summary>
public sealed record StockCounted : IEventPayload
{
    public string? Location { get; init; }
    public string? Sku { get; init; }
    public int? CountedQuantity { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(Location, "location");
        check.Text(Sku, "sku");
        check.Quantity(CountedQuantity, "countedQuantity", allowZero: true);
    }
}

/// <summary><c>stock.held</c>: units put on quality hold.</summary>
public sealed record StockHeld : StockMovement
{
    public string? Reason { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Text(Reason, "reason");
    }
}

/// <summary><c>stock.released</c>: units taken off quality hold.</summary>
public sealed record StockReleased : StockMovement;

/// <summary><c>transfer.dispatched</c>: units leave one location for another.</summary>
public sealed record TransferDispatched : IEventPayload
{
    public string? TransferId { get; init; }
    public string? FromLocation { get; init; }
    public string? ToLocation { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
    public DateTimeOffset? ExpectedAt { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(TransferId, "transferId");
        check.Text(FromLocation, "fromLocation");
        check.Text(ToLocation, "toLocation");
        check.Rule(FromLocation is null || FromLocation != ToLocation, "toLocation", "is the same as fromLocation");
        check.Text(Sku, "sku");
        check.Quantity(Quantity, "quantity");
        check.Time(ExpectedAt, "expectedAt");
    }
}

/// <summary><c>transfer.received</c>: a transfer arrives.</summary>
public sealed record TransferReceived : IEventPayload
{
    public string? TransferId { get; init; }
    public string? FromLocation { get; init; }
    public string? ToLocation { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(TransferId, "transferId");
        check.Text(FromLocation, "fromLocation");
        check.Text(ToLocation, "toLocation");
        check.Text(Sku, "sku");
        check.Quantity(Quantity, "quantity", allowZero: true);
    }
}
