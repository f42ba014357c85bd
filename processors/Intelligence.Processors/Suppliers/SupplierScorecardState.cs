using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>One supplier: its stated lead times, its latest receipts, its open purchase orders and any slippage warning.</summary>
public sealed class SupplierScorecardState : FoldState
{
    /// <summary>The lead time the supplier states for all its SKUs (<c>leadtime.promised</c> without a SKU).</summary>
    public int? StatedLeadDays { get; set; }

    /// <summary>Longer lead times stated for single SKUs.</summary>
    public Dictionary<string, int> SkuLeadDays { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest receipts, oldest first, at most the receipt window.</summary>
    public List<ReceiptSample> Receipts { get; set; } = [];

    /// <summary>Purchase orders raised and not yet arrived, by PO id.</summary>
    public Dictionary<string, OpenPurchaseOrder> OpenPurchaseOrders { get; set; } = new(StringComparer.Ordinal);

    public long PurchaseOrdersReceived { get; set; }
    public long PurchaseOrdersOnTime { get; set; }
    public long ShortShipments { get; set; }

    /// <summary>The open slippage warning, if any.</summary>
    public SlippageWarning? Warning { get; set; }

    /// <summary>When the slip was last assessed: the next overdue check is after it.</summary>
    public DateTimeOffset AssessedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One receipt as the scorecard remembers it. Lead time and lateness count only for the first receipt of a PO.</summary>
public sealed class ReceiptSample
{
    public string PoId { get; set; } = "";
    public bool FirstReceipt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PromisedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int OrderedUnits { get; set; }
    public int ReceivedUnits { get; set; }
    public int DamagedUnits { get; set; }
    public int AsnMatchedUnits { get; set; }
    public int AsnSpanUnits { get; set; }
    public bool WentShort { get; set; }
    public bool OnTime { get; set; }

    public double LeadDays => (ReceivedAt - CreatedAt).TotalDays;
    public double PromisedLeadDays => (PromisedAt - CreatedAt).TotalDays;
    public double DaysLate => (ReceivedAt - PromisedAt).TotalDays;
}

/// <summary>A purchase order on its way: what it holds, what was promised and what its ASN says.</summary>
public sealed class OpenPurchaseOrder
{
    public string Location { get; set; } = "";
    public List<string> Skus { get; set; } = [];
    public int OrderedUnits { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PromisedAt { get; set; }
    public DateTimeOffset? AsnExpectedAt { get; set; }
}

/// <summary>An open slippage warning: its id (supplier and opening minute), the slip it last reported and the POs it named.</summary>
public sealed class SlippageWarning
{
    public string WarningId { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public double RaisedSlipDays { get; set; }
    public List<string> PoIds { get; set; } = [];
}
