using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// A row of <c>supplier_warnings</c>: one purchase order named by a slippage warning, with its
/// promised and projected arrival and the evidence behind the warning. Status is <c>at_risk</c>
/// while it is on its way, <c>arrived</c> once received (with the actual arrival), <c>closed</c> when it
/// expired unreceived, and <c>cleared</c> when the supplier recovered before it arrived. Projected
/// arrival is the ASN's date when there is one, else the promise plus the supplier's current slip,
/// and never before the time of the row for goods not yet received.
/// </summary>
public sealed record SupplierWarningRow(
    string WarningId, string SupplierId, string PoId, string Location, IReadOnlyList<string> Skus, string Status,
    DateTimeOffset WarnedAt, DateTimeOffset PromisedAt, DateTimeOffset? AsnExpectedAt, DateTimeOffset ProjectedAt,
    double ProjectedSlipDays, DateTimeOffset? ArrivedAt, double SlipDays, double? RecentSlipDays, double? TrendSlopeDaysPerDay,
    long EvidencePurchaseOrders, string Evidence, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "supplier_warnings";

    public override string Table => TableName;

    public override string RowKey => $"{WarningId}|{PoId}";

    public static SupplierWarningRow Of(
        string supplierId, string poId, OpenPurchaseOrder po, SlippageWarning warning, SlipAssessment slip, string status,
        DateTimeOffset now, DateTimeOffset? arrivedAt, long revision)
    {
        var estimate = po.AsnExpectedAt ?? po.PromisedAt.AddDays(slip.SlipDays);
        var projected = arrivedAt ?? (estimate < now ? now : estimate);
        return new SupplierWarningRow(
            warning.WarningId, supplierId, poId, po.Location, po.Skus, status, warning.OpenedAt, po.PromisedAt, po.AsnExpectedAt,
            projected, Math.Round((projected - po.PromisedAt).TotalDays, 3), arrivedAt, slip.SlipDays, slip.RecentSlipDays,
            slip.TrendSlopeDaysPerDay, slip.EvidencePurchaseOrders, slip.Describe(), now)
        {
            Revision = revision,
        };
    }
}

/// <summary>The statuses of a <c>supplier_warnings</c> row.</summary>
public static class WarnedPurchaseOrderStatuses
{
    public const string AtRisk = "at_risk";
    public const string Arrived = "arrived";
    public const string Closed = "closed";
    public const string Cleared = "cleared";
}
