using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

// Signals other folds send to the stock position of one SKU at one location, keyed SKU@LOCATION.

/// <summary>Allocated units that will not be picked (the order or line was cancelled): sent by the order fold.</summary>
public sealed record ReservationReleased(string Sku, string Location, int Quantity) : ISignal;

/// <summary>
/// Units a customer is sending back, expected at the location the line shipped from: +quantity
/// when the return is requested, −quantity when it is received (wherever it lands). Sent by the order fold.
/// </summary>
public sealed record ReturnsInTransitChanged(string Sku, string Location, int Delta) : ISignal;

/// <summary>
/// Units on a purchase order expected at the location: +ordered when the PO is created, −received
/// on each receipt, −the rest when the PO closes short. Sent by the purchase-order fold.
/// </summary>
public sealed record InboundChanged(string Sku, string Location, int Delta, DateTimeOffset? ExpectedAt, string PoId) : ISignal;

public static class StockKeys
{
    public static string Of(string sku, string location) => $"{sku}@{location}";
}
