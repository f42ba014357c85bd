using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Suppliers;

/// <summary>
/// A row of <c>supplier_scorecards</c>: one supplier's recent performance over its latest receipts
/// (the receipt window), its lifetime counts, its open purchase orders and its current slip. Rates
/// are null until there is something to rate.
/// </summary>
public sealed record SupplierScorecardRow(
    string SupplierId, long? StatedLeadDays, long ReceiptsInWindow, double? PromisedLeadDays, double? LeadTimeDays,
    double? LeadTimeStddevDays, double? DaysLate, double? OnTimeRate, double? FillRate, double? AsnAccuracy,
    double? DamagedRate, long ShortShipmentsInWindow, long PurchaseOrdersReceived, long PurchaseOrdersOnTime,
    long ShortShipments, long OpenPurchaseOrders, double SlipDays, bool Slipping, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "supplier_scorecards";

    public override string Table => TableName;

    public override string RowKey => SupplierId;

    public static SupplierScorecardRow Of(string supplierId, SupplierScorecardState state, SlipAssessment slip)
    {
        var arrivals = state.Receipts.Where(r => r.FirstReceipt).ToList();
        var lead = arrivals.Select(r => r.LeadDays).ToList();
        var ordered = arrivals.Sum(r => r.OrderedUnits);
        var received = state.Receipts.Sum(r => r.ReceivedUnits);
        var asnSpan = state.Receipts.Sum(r => r.AsnSpanUnits);
        return new SupplierScorecardRow(
            supplierId, state.StatedLeadDays, state.Receipts.Count,
            MeanOf(arrivals.Select(r => r.PromisedLeadDays).ToList()), MeanOf(lead), StddevOf(lead),
            MeanOf(arrivals.Select(r => r.DaysLate).ToList()),
            arrivals.Count == 0 ? null : Round((double)arrivals.Count(r => r.OnTime) / arrivals.Count),
            ordered == 0 ? null : Round((double)received / ordered),
            asnSpan == 0 ? null : Round((double)state.Receipts.Sum(r => r.AsnMatchedUnits) / asnSpan),
            received == 0 ? null : Round((double)state.Receipts.Sum(r => r.DamagedUnits) / received),
            state.Receipts.Count(r => r.WentShort), state.PurchaseOrdersReceived, state.PurchaseOrdersOnTime,
            state.ShortShipments, state.OpenPurchaseOrders.Count, slip.SlipDays, state.Warning is not null, state.UpdatedAt)
        {
            Revision = state.Revision,
        };
    }

    private static double? MeanOf(List<double> values) => values.Count == 0 ? null : Round(values.Average());

    /// <summary>Sample standard deviation; null below two values.</summary>
    private static double? StddevOf(List<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        var mean = values.Average();
        return Round(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
