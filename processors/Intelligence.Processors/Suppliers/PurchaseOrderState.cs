using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>One purchase order: its lines, ASNs and receipts, and what it has told inventory is inbound.</summary>
public sealed class PurchaseOrderState : FoldState
{
    /// <summary>False until <c>po.created</c> is seen: a receipt before it is kept but not judged.</summary>
    public bool Created { get; set; }
    public string? SupplierId { get; set; }
    public string? Location { get; set; }
    public string Status { get; set; } = PurchaseOrderStatuses.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset PromisedAt { get; set; }

    /// <summary>The expected arrival of the latest ASN.</summary>
    public DateTimeOffset? AsnExpectedAt { get; set; }
    public DateTimeOffset? FirstReceivedAt { get; set; }
    public DateTimeOffset? LastReceivedAt { get; set; }

    /// <summary>Since when the order has been short (its latest short receipt); null when it is not.</summary>
    public DateTimeOffset? ShortSince { get; set; }
    public bool ShortShipmentOpen { get; set; }
    public int AsnMatchedUnits { get; set; }
    public int AsnSpanUnits { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>By SKU.</summary>
    public Dictionary<string, PurchaseOrderLineFigures> Lines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Units per SKU of each ASN, by ASN id, to compare its receipt with.</summary>
    public Dictionary<string, Dictionary<string, int>> Asns { get; set; } = new(StringComparer.Ordinal);

    public int OrderedUnits => Lines.Values.Sum(l => l.Ordered);
    public int AsnUnits => Lines.Values.Sum(l => l.Asn);
    public int ReceivedUnits => Lines.Values.Sum(l => l.Received);
    public int DamagedUnits => Lines.Values.Sum(l => l.Damaged);

    /// <summary>Units ordered but not received, over the lines still short.</summary>
    public int Shortfall => Lines.Values.Sum(l => Math.Max(0, l.Ordered - l.Received));

    /// <summary>Whether the order's outstanding units still count as inbound.</summary>
    public bool Outstanding => Created && Status is PurchaseOrderStatuses.Open or PurchaseOrderStatuses.InTransit or PurchaseOrderStatuses.ReceivedShort;

    public PurchaseOrderLineFigures Line(string sku)
    {
        if (!Lines.TryGetValue(sku, out var line))
        {
            line = new PurchaseOrderLineFigures();
            Lines.Add(sku, line);
        }

        return line;
    }
}

/// <summary>One SKU of a purchase order. <see cref="Inbound"/> is the net of the inbound deltas sent for it.</summary>
public sealed class PurchaseOrderLineFigures
{
    public int Ordered { get; set; }
    public int Asn { get; set; }
    public int Received { get; set; }
    public int Damaged { get; set; }
    public int Inbound { get; set; }
}

/// <summary>Where a purchase order stands, as written to <c>purchase_orders.status</c>.</summary>
public static class PurchaseOrderStatuses
{
    /// <summary>Raised; nothing announced or received yet.</summary>
    public const string Open = "open";

    /// <summary>An ASN says it is on its way.</summary>
    public const string InTransit = "in_transit";

    /// <summary>Received short; the rest may still come until the short-shipment expiry.</summary>
    public const string ReceivedShort = "short";

    /// <summary>Every line received in full.</summary>
    public const string Received = "received";

    /// <summary>Received short and the rest written off.</summary>
    public const string ClosedShort = "closed_short";

    /// <summary>Nothing received long after the promised date: no longer expected.</summary>
    public const string Expired = "expired";
}
