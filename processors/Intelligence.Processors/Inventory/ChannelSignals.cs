using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

// Signals keyed by SKU for the channel ATS fold.

/// <summary>Units ordered of a SKU on a channel (one order line), with the order's promotion if it had one. Routed from <c>order.placed</c>.</summary>
public sealed record ChannelDemand(string Sku, string Channel, int Quantity, string? PromotionId) : ISignal;

/// <summary>What a channel says it shows of a SKU. Routed from <c>listing.updated</c>.</summary>
public sealed record ListingReported(string Sku, string Channel, int ListedQuantity) : ISignal;

/// <summary>A location's available-to-sell of a SKU changed. Sent by the stock position fold.</summary>
public sealed record LocationAtsChanged(string Sku, string Location, int Ats) : ISignal;
