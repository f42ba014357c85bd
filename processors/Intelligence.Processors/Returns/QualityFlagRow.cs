using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>
/// A row of <c>quality_flags</c> (append-only): a product line's quality flag opening or closing
/// (<see cref="Change"/> is <c>opened</c> or <c>closed</c>), with the figures that decided it.
/// <see cref="OpenedAt"/> ties a closing row to its opening.
/// </summary>
public sealed record QualityFlagRow(
    string Category, DateTimeOffset At, string Change, DateTimeOffset OpenedAt, long DeliveredRecent, long ReturnedRecent,
    double ExposureRecent, long DeliveredBaseline, long ReturnedBaseline, double ExposureBaseline, double? RateRecent, double? RateBaseline, double? Z,
    IReadOnlyList<string> TopReasons, IReadOnlyList<string> TopSkus) : OutputRow
{
    public const string TableName = "quality_flags";

    public override string Table => TableName;

    public static QualityFlagRow Of(string category, DateTimeOffset at, string change, DateTimeOffset openedAt, ReturnRateComparison c) =>
        new(category, at, change, openedAt, c.DeliveredRecent, c.ReturnedRecent, c.ExposureRecent, c.DeliveredBaseline, c.ReturnedBaseline,
            c.ExposureBaseline,
            c.RateRecent, c.RateBaseline, c.Z, c.TopReasons, c.TopSkus);
}
