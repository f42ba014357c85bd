namespace Intelligence.Simulator;

/// <summary>
/// The partition keys the simulator puts on events, for consumers that need to rebuild one.
/// Order, payment, return and fulfilment events are keyed by order id; purchase orders and ASNs by
/// PO id; settlements and payouts by settlement id; transfers by transfer id; promotions by
/// promotion id; lead-time promises by supplier id; product master records by SKU id.
/// </summary>
public static class PartitionKeys
{
    /// <summary>Stock events at one location: <c>SKU-00012@DC-EAST</c>.</summary>
    public static string Stock(string sku, string location) => $"{sku}@{location}";

    /// <summary>A channel's listing of a SKU: <c>SKU-00012@marketplace-amz</c>.</summary>
    public static string Listing(string channel, string sku) => $"{sku}@{channel}";
}
