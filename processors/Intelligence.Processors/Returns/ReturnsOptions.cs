namespace Intelligence.Processors.Returns;

/// <summary>
/// Settings of the product-line returns fold: the windows a line's return rate is compared over, and
/// how far the recent rate must depart from the line's own baseline to raise a quality flag.
/// </summary>
public sealed record ReturnsOptions
{
    /// <summary>
    /// The recent window, in whole UTC days counting today. 1 to 30; default 3: short enough that a
    /// week-long quality problem is flagged while it lasts (a 7-day window flagged the simulator's
    /// scenario only after it ended), long enough to hold a few hundred units of a product line.
    /// </summary>
    public int RecentDays { get; init; } = 3;

    /// <summary>How many days of daily buckets a line keeps; the baseline is what precedes the recent window. <see cref="RecentDays"/> + 1 to 400; default 60.</summary>
    public int HistoryDays { get; init; } = 60;

    /// <summary>
    /// Of every unit that will come back, the share asked for on the day it was delivered, the day
    /// after, and so on: return rates weigh each day's deliveries by it, so that returns are set against
    /// the deliveries they stem from (a burst of deliveries does not look like a fall in the rate, nor a
    /// line's first days like a low one). 1 to 90 shares, none negative, summing to 1. The default was
    /// measured on the simulator; set it from your own return history.
    /// </summary>
    public double[] ReturnLagProfile { get; init; } = [0.08, 0.45, 0.21, 0.14, 0.08, 0.04];

    /// <summary>
    /// Days from a line's first entry whose returns count in neither window: they may stem from
    /// deliveries made before the pipeline saw them. 0 to 90; default 3.
    /// </summary>
    public int WarmUpDays { get; init; } = 3;

    /// <summary>
    /// The z-score (recent against baseline rate, two-proportion binomial standard error) at which a
    /// line is flagged. 1 to 20; default 5 (on the simulator's 20-day run, 4 also flagged two ordinary
    /// lines at z 4.1 and 4.2; the planted one stood at 15).
    /// </summary>
    public double FlagZScore { get; init; } = 5;

    /// <summary>A flagged line clears once its z-score falls below this. 0 to <see cref="FlagZScore"/>; default 2.</summary>
    public double ClearZScore { get; init; } = 2;

    /// <summary>The least rise of the return rate (recent minus baseline, as a fraction) that can flag, however significant. 0 to 1; default 0.02.</summary>
    public double MinimumRateIncrease { get; init; } = 0.02;

    /// <summary>Units due back in the recent window (its exposure: deliveries weighed by the lag profile) before a line is judged. 1 to 1,000,000; default 200.</summary>
    public int MinimumRecentUnits { get; init; } = 200;

    /// <summary>Units due back in the baseline (its exposure) before a line is judged. 1 to 10,000,000; default 500.</summary>
    public int MinimumBaselineUnits { get; init; } = 500;

    /// <summary>How many reasons and SKUs the rows and alerts name. 1 to 20; default 3.</summary>
    public int TopCount { get; init; } = 3;

    /// <summary>Names each invalid setting with its valid range; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (RecentDays is < 1 or > 30)
        {
            yield return $"{nameof(RecentDays)} must be from 1 to 30 days (is {RecentDays}).";
        }

        if (HistoryDays <= RecentDays || HistoryDays > 400)
        {
            yield return $"{nameof(HistoryDays)} must be from {nameof(RecentDays)} + 1 ({RecentDays + 1}) to 400 days (is {HistoryDays}).";
        }

        if (ReturnLagProfile is null || ReturnLagProfile.Length is < 1 or > 90 || ReturnLagProfile.Any(w => w is < 0 or > 1 || double.IsNaN(w))
            || Math.Abs(ReturnLagProfile.Sum() - 1) > 0.01)
        {
            yield return $"{nameof(ReturnLagProfile)} must hold 1 to 90 shares from 0 to 1 that sum to 1 (is [{string.Join(", ", ReturnLagProfile ?? [])}]).";
        }

        if (WarmUpDays is < 0 or > 90)
        {
            yield return $"{nameof(WarmUpDays)} must be from 0 to 90 days (is {WarmUpDays}).";
        }

        if (FlagZScore is < 1 or > 20 || double.IsNaN(FlagZScore))
        {
            yield return $"{nameof(FlagZScore)} must be from 1 to 20 (is {FlagZScore}).";
        }

        if (ClearZScore < 0 || ClearZScore > FlagZScore || double.IsNaN(ClearZScore))
        {
            yield return $"{nameof(ClearZScore)} must be from 0 to {nameof(FlagZScore)} ({FlagZScore}) (is {ClearZScore}).";
        }

        if (MinimumRateIncrease is < 0 or > 1 || double.IsNaN(MinimumRateIncrease))
        {
            yield return $"{nameof(MinimumRateIncrease)} must be from 0 to 1 (is {MinimumRateIncrease}).";
        }

        if (MinimumRecentUnits is < 1 or > 1_000_000)
        {
            yield return $"{nameof(MinimumRecentUnits)} must be from 1 to 1,000,000 units (is {MinimumRecentUnits}).";
        }

        if (MinimumBaselineUnits is < 1 or > 10_000_000)
        {
            yield return $"{nameof(MinimumBaselineUnits)} must be from 1 to 10,000,000 units (is {MinimumBaselineUnits}).";
        }

        if (TopCount is < 1 or > 20)
        {
            yield return $"{nameof(TopCount)} must be from 1 to 20 (is {TopCount}).";
        }
    }
}
