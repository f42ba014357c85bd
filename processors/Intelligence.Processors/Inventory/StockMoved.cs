using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// One movement of a SKU at one location, keyed <c>SKU@LOCATION</c>: what a stock, pick, transfer,
/// return or receipt event does to that location's figures. <see cref="Kind"/> is one of
/// <see cref="MovementKinds"/> and says which figure <see cref="Quantity"/> moves (see there).
/// <see cref="Reference"/> names the transfer a transfer movement belongs to.
/// Sent by the <see cref="InventoryRouter"/>.
/// </summary>
public sealed record StockMoved(string Sku, string Location, string Kind, int Quantity) : ISignal
{
    /// <summary>Units allocated but not picked (a short pick): they leave the reservation, not the shelf.</summary>
    public int ShortQuantity { get; init; }

    public string? Reference { get; init; }

    /// <summary>When an inbound transfer is expected to arrive.</summary>
    public DateTimeOffset? ExpectedAt { get; init; }
}

/// <summary>A cycle count of a SKU at a location, keyed <c>SKU@LOCATION</c>: the counted units replace on hand as of the count's time.</summary>
public sealed record StockCountTaken(string Sku, string Location, int Counted) : ISignal;

/// <summary>The kinds of <see cref="StockMoved"/>, and the figure each one moves.</summary>
public static class MovementKinds
{
    /// <summary>On hand + quantity: booked in outside a purchase order (<c>stock.received</c>).</summary>
    public const string Received = "received";

    /// <summary>On hand + quantity (good units of a <c>po.received</c> line).</summary>
    public const string PurchaseReceived = "po_received";

    /// <summary>On hand + quantity, signed (<c>stock.adjusted</c>).</summary>
    public const string Adjusted = "adjusted";

    /// <summary>On hand + quantity: a sellable customer return back on the shelf.</summary>
    public const string Returned = "returned";

    /// <summary>Quality hold + quantity.</summary>
    public const string Held = "held";

    /// <summary>Quality hold − quantity.</summary>
    public const string Released = "released";

    /// <summary>Reserved + quantity (<c>allocation.made</c>).</summary>
    public const string Allocated = "allocated";

    /// <summary>Reserved − (quantity + short quantity); on hand − quantity (<c>pick.completed</c>).</summary>
    public const string Picked = "picked";

    /// <summary>On hand − quantity at the sending location; the transfer is in transit out of it.</summary>
    public const string TransferOut = "transfer_out";

    /// <summary>The transfer is in transit to the receiving location: transfers in + quantity until it arrives.</summary>
    public const string TransferExpected = "transfer_expected";

    /// <summary>On hand + quantity at the receiving location; the transfer is no longer in transit to it.</summary>
    public const string TransferIn = "transfer_in";

    /// <summary>The transfer arrived: it is no longer in transit out of the sending location.</summary>
    public const string TransferArrived = "transfer_arrived";

    /// <summary>The kinds that change on hand, and so are judged against the last count.</summary>
    public static bool MovesOnHand(string kind) => kind is Received or PurchaseReceived or Adjusted or Returned or Picked
        or TransferOut or TransferIn;

    /// <summary>Units booked in: what "days since receipt" looks at.</summary>
    public static bool IsReceipt(string kind) => kind is Received or PurchaseReceived or TransferIn;

    /// <summary>The signed change <paramref name="moved"/> makes to on hand.</summary>
    public static int OnHandDelta(StockMoved moved) => moved.Kind switch
    {
        Received or PurchaseReceived or Adjusted or Returned or TransferIn => moved.Quantity,
        Picked or TransferOut => -moved.Quantity,
        _ => 0,
    };
}
