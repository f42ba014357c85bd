using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

// Signals the purchase-order fold sends to the supplier scorecard, keyed by supplier id.

/// <summary>A purchase order raised (or amended): the scorecard keeps it as open until goods arrive.</summary>
public sealed record PurchaseOrderOpened(
    string SupplierId, string PoId, string Location, IReadOnlyList<string> Skus, int OrderedUnits,
    DateTimeOffset CreatedAt, DateTimeOffset PromisedAt) : ISignal;

/// <summary>An ASN for a purchase order: the supplier's own word on when the goods arrive, the earliest sign of a slip.</summary>
public sealed record AsnAnnounced(string SupplierId, string PoId, string AsnId, int AsnUnits, DateTimeOffset ExpectedAt, DateTimeOffset PromisedAt) : ISignal;

/// <summary>
/// Goods booked in against a purchase order. <see cref="FirstReceipt"/> marks the arrival that lead
/// time and lateness are measured by; the ordered units are counted with it, once. The unit figures are
/// this receipt's; <see cref="AsnMatchedUnits"/> and <see cref="AsnSpanUnits"/> compare it line by
/// line with the ASN it names (both 0 when it names none). <see cref="WentShort"/> is true when this
/// receipt is the one that left the order short.
/// </summary>
public sealed record PurchaseOrderReceipt(
    string SupplierId, string PoId, string Location, bool FirstReceipt, DateTimeOffset ReceivedAt, DateTimeOffset CreatedAt,
    DateTimeOffset PromisedAt, int OrderedUnits, int ReceivedUnits, int DamagedUnits, int AsnMatchedUnits, int AsnSpanUnits,
    bool WentShort) : ISignal;

/// <summary>A purchase order closed with nothing received (it expired): no longer expected.</summary>
public sealed record PurchaseOrderClosed(string SupplierId, string PoId, string Status) : ISignal;
