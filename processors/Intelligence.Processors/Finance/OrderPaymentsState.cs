using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// The money of one order: its priced lines and what shipped (for the sales ledger), its returns
/// (for refund attribution and exposure), and the running figures reconciliation compares.
/// </summary>
public sealed class OrderPaymentsState : FoldState
{
    public bool Placed { get; set; }
    public bool Cancelled { get; set; }
    public string? Channel { get; set; }
    public string? Provider { get; set; }
    public string? PromotionId { get; set; }
    public decimal ShippingCharged { get; set; }
    public bool ShippingBilled { get; set; }

    /// <summary>Σ lines' net value + shipping charged: the order's value for routing its exceptions.</summary>
    public decimal OrderValue { get; set; }

    public decimal Authorized { get; set; }
    public List<PricedLine> Lines { get; set; } = [];
    public List<CustomerReturn> Returns { get; set; } = [];

    /// <summary>Shipments and money seen before <c>order.placed</c>: put on the ledger once the prices are known.</summary>
    public List<ParkedShipment> ParkedShipments { get; set; } = [];
    public List<ParkedMoney> ParkedMoney { get; set; } = [];

    public decimal Captured { get; set; }
    public decimal Refunded { get; set; }
    public decimal Chargebacks { get; set; }
    public decimal SettledSales { get; set; }
    public decimal SettledRefunds { get; set; }
    public decimal SettledChargebacks { get; set; }
    public decimal Adjustments { get; set; }
    public decimal Fees { get; set; }

    /// <summary>Captures and statement sale lines, paired one to one to measure settlement lag.</summary>
    public List<MoneyAt> Captures { get; set; } = [];
    public List<MoneyAt> SaleLines { get; set; } = [];

    public DateTimeOffset? FirstCapturedAt { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
    public double? SettlementLagHours { get; set; }

    /// <summary>The latest money movement or statement line: settlement is due a cadence and a grace after it.</summary>
    public DateTimeOffset? LastMovementAt { get; set; }

    public string Status { get; set; } = ReconciliationStatus.Pending;
    public bool ExceptionOpen { get; set; }
    public decimal RaisedAmount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An order line's price and how many of its units have shipped.</summary>
public sealed class PricedLine
{
    public string LineId { get; set; } = "";
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Discount { get; set; }
    public string PromotionId { get; set; } = "none";
    public bool Cancelled { get; set; }
    public int ShippedUnits { get; set; }

    /// <summary>Revenue − discount of the units shipped so far: the weight refunds, fees and chargebacks are split by.</summary>
    public decimal ShippedNet { get; set; }

    /// <summary>What one unit cost the customer after the line's discount (unrounded, as the channel computes it).</summary>
    public decimal NetUnitPrice => Quantity > 0 ? UnitPrice - Discount / Quantity : UnitPrice;
}

/// <summary>A return of units of one line: requested, perhaps received, refunded up to its value.</summary>
public sealed class CustomerReturn
{
    public string ReturnId { get; set; } = "";
    public string? LineId { get; set; }
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public bool Received { get; set; }
    public bool Sellable { get; set; }
    public bool Restocked { get; set; }
    public decimal Refunded { get; set; }
}

/// <summary>A parcel that left before its order was seen: its cost and units, booked once the order's prices are known.</summary>
public sealed class ParkedShipment
{
    public decimal ShippingCost { get; set; }
    public List<ShippedUnits> Lines { get; set; } = [];
}

/// <summary>Units of one order line in one parcel.</summary>
public sealed class ShippedUnits
{
    public string LineId { get; set; } = "";
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
}

/// <summary>A refund, chargeback or fee (<see cref="Kind"/> is a ledger kind) waiting for the order's lines.</summary>
public sealed class ParkedMoney
{
    public string Kind { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>An amount at a moment; <see cref="PairedAt"/> is set once matched with its counterpart.</summary>
public sealed class MoneyAt
{
    public DateTimeOffset At { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset? PairedAt { get; set; }
}

/// <summary>The reconciliation status of an order.</summary>
public static class ReconciliationStatus
{
    /// <summary>Everything captured, refunded and charged back appears on statements at the same amounts.</summary>
    public const string Matched = "matched";

    /// <summary>Not (yet) matched, and the settlement is not overdue; or no money has moved yet.</summary>
    public const string Pending = "pending";

    /// <summary>Still not matched a cadence and a grace after the last movement: an open exception.</summary>
    public const string Unreconciled = "unreconciled";

    /// <summary>Paid by invoice (no statement), or cancelled before any money moved.</summary>
    public const string NotApplicable = "not_applicable";
}
