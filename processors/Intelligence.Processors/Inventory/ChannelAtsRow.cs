using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// A row of <c>channel_ats</c>: what one channel may sell of a SKU and how fast it sells. <see cref="Drift"/>
/// is the listed quantity (as the channel last reported it) less the channel ATS; sell rate and cover are as
/// of <see cref="UpdatedAt"/>.
/// </summary>
public sealed record ChannelAtsRow(
    string Sku, string Channel, int ChannelAts, int Pool, int Buffer, int ExcludedUnits, int ProtectedUnits, int? ListedQuantity,
    int? Drift, double SellRatePerHour, double? HoursOfCover, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "channel_ats";

    public override string Table => TableName;

    public override string RowKey => $"{Sku}@{Channel}";
}

/// <summary>
/// A row of <c>channel_exposure_recommendations</c> (append-only): a channel's sell rate threatens its ATS, and
/// this is how much it should show, with the reasoning. Written when the risk opens and whenever the
/// recommended exposure moves by at least 3 units and a fifth.
/// </summary>
public sealed record ExposureRecommendationRow(
    string Sku, string Channel, string? PromotionId, int ChannelAts, int Pool, double SellRatePerHour, double HoursOfCover,
    int RecommendedExposure, double RecommendedBufferPercent, string Reasoning, DateTimeOffset RecommendedAt) : OutputRow
{
    public const string TableName = "channel_exposure_recommendations";

    public override string Table => TableName;
}
