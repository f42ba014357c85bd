namespace Intelligence.Contracts.Channel;

/// <summary>One line of a customer order.</summary>
public sealed record OrderLine
{
    public string? LineId { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? Discount { get; init; }
}

public sealed record ShipTo
{
    public string? Country { get; init; }
    public string? PostalCode { get; init; }
}

/// <summary><c>order.placed</c>: a customer order taken on a channel.</summary>
public sealed record OrderPlaced : IEventPayload
{
    public string? OrderId { get; init; }
    public string? Channel { get; init; }
    public string? CustomerId { get; init; }
    public string? CustomerTier { get; init; }
    public string? Currency { get; init; }
    public string? PromotionId { get; init; }
    public decimal? ShippingCharged { get; init; }
    public ShipTo? ShipTo { get; init; }
    public IReadOnlyList<OrderLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(OrderId, "orderId");
        check.OneOf(Channel, Vocabulary.Channels, "channel");
        check.Text(CustomerId, "customerId");
        check.OneOf(CustomerTier, Vocabulary.CustomerTiers, "customerTier");
        check.Currency(Currency, "currency");
        check.OptionalText(PromotionId, "promotionId");
        check.Amount(ShippingCharged, "shippingCharged");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.LineId, $"{at}.lineId");
            check.Text(line.Sku, $"{at}.sku");
            check.Quantity(line.Quantity, $"{at}.quantity");
            check.Amount(line.UnitPrice, $"{at}.unitPrice");
            check.Amount(line.Discount, $"{at}.discount");
            // Divides rather than multiplies: a hostile unit price must not overflow the check itself.
            check.Rule(
                line.Discount is null || line.UnitPrice is null || line.Quantity is not > 0
                    || line.Discount / line.Quantity <= line.UnitPrice,
                $"{at}.discount",
                "is larger than the line's value");
        });
    }
}

/// <summary><c>order.cancelled</c>: the whole order, or the named lines, cancelled.</summary>
public sealed record OrderCancelled : IEventPayload
{
    public string? OrderId { get; init; }
    public IReadOnlyList<string>? LineIds { get; init; }
    public string? Reason { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(OrderId, "orderId");
        check.Text(Reason, "reason");
        if (LineIds is not null)
        {
            check.Items(LineIds, "lineIds", (id, at) => check.Text(id, at));
        }
    }
}

/// <summary><c>order.held</c>: an order stopped for payment, address or fraud review.</summary>
public sealed record OrderHeld : IEventPayload
{
    public string? OrderId { get; init; }
    public string? Reason { get; init; }
    public string? Detail { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(OrderId, "orderId");
        check.OneOf(Reason, Vocabulary.HoldReasons, "reason");
        check.OptionalText(Detail, "detail");
    }
}

/// <summary><c>order.released</c>: a hold lifted.</summary>
public sealed record OrderReleased : IEventPayload
{
    public string? OrderId { get; init; }
    public string? Reason { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(OrderId, "orderId");
        check.OneOf(Reason, Vocabulary.HoldReasons, "reason");
    }
}

/// <summary><c>listing.updated</c>: what a channel shows for a SKU (quantity and price).</summary>
public sealed record ListingUpdated : IEventPayload
{
    public string? Channel { get; init; }
    public string? Sku { get; init; }
    public int? ListedQuantity { get; init; }
    public decimal? Price { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.OneOf(Channel, Vocabulary.Channels, "channel");
        check.Text(Sku, "sku");
        check.Quantity(ListedQuantity, "listedQuantity", allowZero: true);
        check.Amount(Price, "price", allowZero: false);
    }
}

/// <summary>
/// <c>product.updated</c>: the product master (PIM) record of a SKU: its product line, supplier,
/// standard cost and list price. Keyed by SKU; the latest record wins.
/// </summary>
public sealed record ProductUpdated : IEventPayload
{
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? SupplierId { get; init; }
    public decimal? UnitCost { get; init; }
    public decimal? Price { get; init; }
    public string? Currency { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(Sku, "sku");
        check.Text(Name, "name");
        check.Text(Category, "category");
        check.Text(SupplierId, "supplierId");
        check.Amount(UnitCost, "unitCost");
        check.Amount(Price, "price", allowZero: false);
        check.Currency(Currency, "currency");
    }
}

/// <summary><c>promotion.started</c>: a price promotion on a channel for some SKUs.</summary>
public sealed record PromotionStarted : IEventPayload
{
    public string? PromotionId { get; init; }
    public string? Channel { get; init; }
    public IReadOnlyList<string>? Skus { get; init; }
    public decimal? DiscountPercent { get; init; }
    public DateTimeOffset? EndsAt { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(PromotionId, "promotionId");
        check.OneOf(Channel, Vocabulary.Channels, "channel");
        check.Items(Skus, "skus", (sku, at) => check.Text(sku, at), maxItems: 5000);
        check.Percent(DiscountPercent, "discountPercent");
        check.Time(EndsAt, "endsAt");
    }
}

/// <summary><c>promotion.ended</c>.</summary>
public sealed record PromotionEnded : IEventPayload
{
    public string? PromotionId { get; init; }
    public string? Channel { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(PromotionId, "promotionId");
        check.OneOf(Channel, Vocabulary.Channels, "channel");
    }
}

/// <summary><c>return.requested</c>: a customer asks to return part of an order.</summary>
public sealed record ReturnRequested : IEventPayload
{
    public string? ReturnId { get; init; }
    public string? OrderId { get; init; }
    public string? LineId { get; init; }
    public string? Channel { get; init; }
    public string? Sku { get; init; }
    public int? Quantity { get; init; }
    public string? Reason { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(ReturnId, "returnId");
        check.Text(OrderId, "orderId");
        check.Text(LineId, "lineId");
        check.OneOf(Channel, Vocabulary.Channels, "channel");
        check.Text(Sku, "sku");
        check.Quantity(Quantity, "quantity");
        check.OneOf(Reason, Vocabulary.ReturnReasons, "reason");
    }
}
