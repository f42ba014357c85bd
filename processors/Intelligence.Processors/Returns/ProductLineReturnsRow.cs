using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>
/// A row of <c>product_line_returns</c>: one product line's recent and baseline delivered and returned
/// units, their exposure (delivered units weighed by the return-lag profile: the units whose return,
/// if any, falls in the window), the lag-adjusted return rates (returned over exposure), the z-score between them, whether it is flagged for quality, and the reasons and SKUs that dominate
/// its recent returns (<c>name:units</c>).
/// </summary>
public sealed record ProductLineReturnsRow(
    string Category, long DeliveredRecent, long ReturnedRecent, double ExposureRecent, long DeliveredBaseline, long ReturnedBaseline,
    double ExposureBaseline, double? RateRecent, double? RateBaseline, double? Z, bool Flagged, DateTimeOffset? FlaggedAt, IReadOnlyList<string> TopReasons,
    IReadOnlyList<string> TopSkus, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "product_line_returns";

    public override string Table => TableName;

    public override string RowKey => Category;

    public static ProductLineReturnsRow Of(string category, ProductLineReturnsState state, ReturnRateComparison c, long revision) =>
        new(category, c.DeliveredRecent, c.ReturnedRecent, c.ExposureRecent, c.DeliveredBaseline, c.ReturnedBaseline, c.ExposureBaseline,
            c.RateRecent, c.RateBaseline,
            c.Z, state.FlaggedAt is not null, state.FlaggedAt, c.TopReasons, c.TopSkus, state.UpdatedAt)
        {
            Revision = revision,
        };
}
