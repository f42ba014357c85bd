using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Catalogue;

// Signals keyed by SKU that the product fold joins with the product master (category, supplier,
// cost) before passing them on: a stream-table join, as Kafka Streams would do it.

/// <summary>Units delivered to customers; the denominator of return rates. Sent by the order fold on <c>shipment.delivered</c>.</summary>
public sealed record UnitsDelivered(string Sku, string Channel, int Quantity) : ISignal;

/// <summary>Units a customer asked to return, with the reason. Routed from <c>return.requested</c>.</summary>
public sealed record UnitsReturned(string Sku, string Channel, int Quantity, string Reason, string OrderId) : ISignal;

/// <summary>
/// One money movement of a sale, attributed to a SKU, channel and promotion (<c>none</c> when
/// there is none). <see cref="Kind"/> is one of <see cref="LedgerKinds"/>; amounts are positive and
/// the kind says which way they count. Sent by the order-payments fold.
/// </summary>
public sealed record SalesLedgerEntry(string Sku, string Channel, string PromotionId, string Kind, int Units, decimal Amount) : ISignal;

public static class LedgerKinds
{
    /// <summary>Units shipped at list price (quantity × unit price): the gross revenue.</summary>
    public const string Revenue = "revenue";
    public const string Discount = "discount";
    public const string ShippingCharged = "shipping_charged";
    public const string ShippingCost = "shipping_cost";
    public const string Fee = "fee";
    public const string Refund = "refund";
    public const string Chargeback = "chargeback";

    /// <summary>Returned units back on the shelf: their cost comes back out of COGS.</summary>
    public const string Restocked = "restocked";
}

/// <summary>A return-rate observation for a product line, keyed by category. Sent by the product fold.</summary>
public sealed record ReturnsEntry(string Category, string Sku, string SupplierId, string Channel, int Delivered, int Returned, string? Reason) : ISignal;

/// <summary>
/// A ledger entry with the product's line and cost: COGS is <see cref="Units"/> × landed cost for
/// revenue, and negative for restocked units. Keyed <c>SKU|channel|promotion</c>. Sent by the product fold.
/// </summary>
public sealed record MarginEntry(string Sku, string Category, string Channel, string PromotionId, string Kind, int Units, decimal Amount, decimal Cogs) : ISignal
{
    public static string KeyOf(string sku, string channel, string promotionId) => $"{sku}|{channel}|{promotionId}";
}
