using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// A row of <c>stock_positions</c>: every figure of one SKU at one location. <see cref="Ats"/> is on hand −
/// reserved − quality hold − safety stock; <see cref="ProjectedAts"/> adds inbound, transfers in and returns in
/// transit. Confidence, cover and aging are as of <see cref="UpdatedAt"/>.
/// </summary>
public sealed record StockPositionRow(
    string Sku, string Location, int OnHand, int Reserved, int QualityHold, int Inbound, DateTimeOffset? InboundExpectedAt,
    int TransfersIn, int TransfersOut, int ReturnsInTransit, int SafetyStock, int Ats, int ProjectedAts, bool Oversold,
    double Confidence, double? CoverDays, double? DaysSinceReceipt, double? DaysSincePick, DateTimeOffset? LastCountAt,
    DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "stock_positions";

    public override string Table => TableName;

    public override string RowKey => StockKeys.Of(Sku, Location);
}
