using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// A row of <c>purchase_orders</c>: one purchase order's latest state and figures. Fill rate is
/// received over ordered units (null before any receipt); ASN accuracy compares each receipt with its
/// ASN line by line (null when no receipt named an ASN); lead days run from creation, days late from
/// the promised date, both to the first receipt.
/// </summary>
public sealed record PurchaseOrderRow(
    string PoId, string SupplierId, string Location, string Status, DateTimeOffset CreatedAt, DateTimeOffset PromisedAt,
    DateTimeOffset? AsnExpectedAt, DateTimeOffset? ReceivedAt, long OrderedUnits, long AsnUnits, long ReceivedUnits,
    long DamagedUnits, double? FillRate, double? AsnAccuracy, double PromisedLeadDays, double? ActualLeadDays, double? DaysLate,
    DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "purchase_orders";

    public override string Table => TableName;

    public override string RowKey => PoId;

    public static PurchaseOrderRow Of(string poId, PurchaseOrderState state)
    {
        var ordered = state.OrderedUnits;
        var received = state.ReceivedUnits;
        return new PurchaseOrderRow(
            poId, state.SupplierId ?? "", state.Location ?? "", state.Status, state.CreatedAt, state.PromisedAt,
            state.AsnExpectedAt, state.FirstReceivedAt, ordered, state.AsnUnits, received, state.DamagedUnits,
            state.FirstReceivedAt is null || ordered == 0 ? null : (double)received / ordered,
            state.AsnSpanUnits == 0 ? null : (double)state.AsnMatchedUnits / state.AsnSpanUnits,
            Days(state.PromisedAt - state.CreatedAt),
            state.FirstReceivedAt is { } at ? Days(at - state.CreatedAt) : null,
            state.FirstReceivedAt is { } arrived ? Days(arrived - state.PromisedAt) : null,
            state.UpdatedAt)
        {
            Revision = state.Revision,
        };
    }

    private static double Days(TimeSpan span) => Math.Round(span.TotalDays, 4);
}
