namespace Intelligence.Contracts.Supplier;

public sealed record PurchaseOrderLine
{
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
    public decimal? UnitCost { get; init; }
}

/// <summary><c>po.created</c>: a purchase order raised on a supplier with its promised arrival.</summary>
public sealed record PurchaseOrderCreated : IEventPayload
{
    public string? PoId { get; init; }
    public string? SupplierId { get; init; }
    public string? Location { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? PromisedAt { get; init; }
    public IReadOnlyList<PurchaseOrderLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(PoId, "poId");
        check.Text(SupplierId, "supplierId");
        check.Text(Location, "location");
        check.Currency(Currency, "currency");
        check.Time(PromisedAt, "promisedAt");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.Sku, $"{at}.sku");
            check.Quantity(line.Quantity, $"{at}.quantity");
            check.Amount(line.UnitCost, $"{at}.unitCost", allowZero: false);
        });
    }
}

/// <summary><c>leadtime.promised</c>: a supplier's stated lead time, for all its SKUs or one.</summary>
public sealed record LeadTimePromised : IEventPayload
{
    public string? SupplierId { get; init; }
    public string? Sku { get; init; }
    public int? LeadTimeDays { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(SupplierId, "supplierId");
        check.OptionalText(Sku, "sku");
        check.Days(LeadTimeDays, "leadTimeDays");
    }
}

public sealed record ShippedLine
{
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
}

/// <summary><c>asn.sent</c>: an advance shipping notice: what the supplier says is on its way, and when.</summary>
public sealed record AsnSent : IEventPayload
{
    public string? AsnId { get; init; }
    public string? PoId { get; init; }
    public string? SupplierId { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset? ExpectedAt { get; init; }
    public IReadOnlyList<ShippedLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(AsnId, "asnId");
        check.Text(PoId, "poId");
        check.Text(SupplierId, "supplierId");
        check.Text(Location, "location");
        check.Time(ExpectedAt, "expectedAt");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.Sku, $"{at}.sku");
            check.Quantity(line.Quantity, $"{at}.quantity");
        });
    }
}

public sealed record ReceivedLine
{
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
    public int? Damaged { get; init; }
}

/// <summary><c>po.received</c>: goods booked in against a purchase order (and its ASN, when there was one).</summary>
public sealed record PurchaseOrderReceived : IEventPayload
{
    public string? PoId { get; init; }
    public string? AsnId { get; init; }
    public string? SupplierId { get; init; }
    public string? Location { get; init; }
    public IReadOnlyList<ReceivedLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(PoId, "poId");
        check.OptionalText(AsnId, "asnId");
        check.Text(SupplierId, "supplierId");
        check.Text(Location, "location");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.Sku, $"{at}.sku");
            check.Quantity(line.Quantity, $"{at}.quantity", allowZero: true);
            check.Quantity(line.Damaged, $"{at}.damaged", allowZero: true);
            check.Rule(line.Damaged is null || line.Quantity is null || line.Damaged <= line.Quantity,
                $"{at}.damaged", "is more than the quantity received");
        });
    }
}
