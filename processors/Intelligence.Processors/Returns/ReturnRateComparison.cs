using System.Runtime.InteropServices;

namespace Intelligence.Processors.Returns;

/// <summary>
/// A product line's recent return rate against its own baseline. A window's exposure is the units
/// that were due to be asked back in it: for each day t of the window, the sum over lags k of
/// <c>share[k] × delivered(t − k)</c> (the lag profile), with today's share of earlier deliveries scaled by
/// the part of today gone. A window's rate is its returned units over its exposure. z is the
/// two-proportion test with the pooled rate p:
/// <c>(recent − baseline) / sqrt(p(1 − p)(1/exposure_recent + 1/exposure_baseline))</c>. Judged only when
/// both exposures reach their minimum.
/// </summary>
public sealed record ReturnRateComparison(
    long DeliveredRecent, long ReturnedRecent, double ExposureRecent, long DeliveredBaseline, long ReturnedBaseline,
    double ExposureBaseline, double? RateRecent, double? RateBaseline, double? Z, bool Judged, IReadOnlyList<string> TopReasons,
    IReadOnlyList<string> TopSkus)
{
    public double Increase => (RateRecent ?? 0) - (RateBaseline ?? 0);

    /// <summary>
    /// Recent window: the <see cref="ReturnsOptions.RecentDays"/> days up to <paramref name="now"/>'s day.
    /// Baseline: the kept days before it, or, while a flag is open, the days before the recent window of
    /// the day it opened (so the incident does not become its own baseline) when they still hold enough
    /// exposure. Days in the line's warm-up count in neither.
    /// </summary>
    /// <remarks>The top reasons and SKUs, the costly part, are left empty unless <paramref name="tops"/>.</remarks>
    public static ReturnRateComparison Of(ProductLineReturnsState state, DateTimeOffset now, ReturnsOptions options, bool tops = true)
    {
        var today = ReturnsDays.Of(now);
        var window = new Window(state, today, (now - today).TotalDays, options.ReturnLagProfile);
        var counted = (state.FirstDay ?? today).AddDays(options.WarmUpDays);
        var recentFrom = Later(counted, today.AddDays(1 - options.RecentDays));
        var recent = window.Sum(recentFrom, today);
        var baseline = window.Sum(counted, today.AddDays(-options.RecentDays));
        if (state.FlaggedDay is { } flagged)
        {
            var frozen = window.Sum(counted, flagged.AddDays(-options.RecentDays));
            if (frozen.Exposure >= options.MinimumBaselineUnits)
            {
                baseline = frozen;
            }
        }

        double? rateRecent = recent.Exposure > 0 ? recent.Returned / recent.Exposure : null;
        double? rateBaseline = baseline.Exposure > 0 ? baseline.Returned / baseline.Exposure : null;
        double? z = null;
        if (rateRecent is { } r && rateBaseline is { } b)
        {
            var pooled = Math.Clamp((recent.Returned + baseline.Returned) / (recent.Exposure + baseline.Exposure), 0, 1);
            var se = Math.Sqrt(pooled * (1 - pooled) * ((1 / recent.Exposure) + (1 / baseline.Exposure)));
            z = se > 0 ? Math.Round((r - b) / se, 3) : 0;
        }

        return new ReturnRateComparison(
            recent.Delivered, recent.Returned, Math.Round(recent.Exposure, 3), baseline.Delivered, baseline.Returned,
            Math.Round(baseline.Exposure, 3), Round(rateRecent), Round(rateBaseline), z,
            recent.Exposure >= options.MinimumRecentUnits && baseline.Exposure >= options.MinimumBaselineUnits,
            tops ? Top(state.Days, recentFrom, today, static d => d.Reasons, options.TopCount) : [],
            tops ? Top(state.Days, recentFrom, today, static d => d.Skus, options.TopCount) : []);
    }

    // Summing the recent days' counts is done in this thread's scratch dictionary, so that a return
    // does not allocate one the size of its product line's returned SKUs.
    [ThreadStatic]
    private static Dictionary<string, long>? _totals;

    /// <summary>The largest counts of the days from <paramref name="from"/> to <paramref name="to"/>, as <c>name:units</c>, largest first, ties by name.</summary>
    private static List<string> Top(
        List<ReturnsDay> days, DateTimeOffset from, DateTimeOffset to, Func<ReturnsDay, Dictionary<string, long>> counts, int n)
    {
        var totals = _totals ??= new Dictionary<string, long>(StringComparer.Ordinal);
        totals.Clear();
        foreach (var day in days)
        {
            if (day.Day < from || day.Day > to)
            {
                continue;
            }

            foreach (var (name, units) in counts(day))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(totals, name, out _) += units;
            }
        }

        // Keep the n largest seen so far, in order: n is small (a handful), the names are many.
        var top = new List<(string Name, long Units)>(n + 1);
        foreach (var (name, units) in totals)
        {
            var at = top.Count;
            while (at > 0 && Before((name, units), top[at - 1]))
            {
                at--;
            }

            if (at < n)
            {
                top.Insert(at, (name, units));
                if (top.Count > n)
                {
                    top.RemoveAt(n);
                }
            }
        }

        return top.ConvertAll(c => $"{c.Name}:{c.Units}");
    }

    private static bool Before((string Name, long Units) a, (string Name, long Units) b) =>
        a.Units > b.Units || (a.Units == b.Units && string.CompareOrdinal(a.Name, b.Name) < 0);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 5) : null;

    /// <summary>Sums of a span of days: delivered and returned units and the exposure.</summary>
    private readonly struct Window
    {
        private readonly ProductLineReturnsState _state;
        private readonly DateTimeOffset _today;
        private readonly double _todayGone;
        private readonly double[] _profile;

        // Delivered units by day, indexed by days since the first kept day (days with none are 0).
        private readonly DateTimeOffset _first;
        private readonly long[] _delivered;

        public Window(ProductLineReturnsState state, DateTimeOffset today, double todayGone, double[] profile)
        {
            (_state, _today, _todayGone, _profile) = (state, today, todayGone, profile);
            _first = state.Days.Count > 0 ? state.Days[0].Day : today;
            _delivered = new long[state.Days.Count > 0 ? DaysFrom(_first, state.Days[^1].Day) + 1 : 0];
            foreach (var day in state.Days)
            {
                _delivered[DaysFrom(_first, day.Day)] += day.Delivered;
            }
        }

        public (long Delivered, long Returned, double Exposure) Sum(DateTimeOffset from, DateTimeOffset to)
        {
            long delivered = 0, returned = 0;
            foreach (var day in _state.Days)
            {
                if (day.Day >= from && day.Day <= to)
                {
                    delivered += day.Delivered;
                    returned += day.Returned;
                }
            }

            var exposure = 0.0;
            for (var t = from; t <= to; t = t.AddDays(1))
            {
                var index = DaysFrom(_first, t);
                for (var k = 0; k < _profile.Length; k++)
                {
                    var share = t == _today && k > 0 ? _profile[k] * _todayGone : _profile[k];
                    exposure += share * DeliveredOn(index - k);
                }
            }

            return (delivered, returned, exposure);
        }

        private long DeliveredOn(int index) => index >= 0 && index < _delivered.Length ? _delivered[index] : 0;

        private static int DaysFrom(DateTimeOffset first, DateTimeOffset day) => (int)Math.Round((day - first).TotalDays);
    }
}
