using System.Runtime.CompilerServices;

namespace Intelligence.Simulator.Planning;

/// <summary>
/// When customers buy: online peaks in the evening and lifts at the weekend, stores trade in opening
/// hours with a Saturday peak, trade customers order in office hours on weekdays. Each profile
/// averages 1 over a week, so the plan's daily rate stays the mean.
/// </summary>
internal static class DemandCurve
{
    private static readonly double[] OnlineHours = Normalise(
        [0.45, 0.30, 0.20, 0.14, 0.12, 0.15, 0.30, 0.55, 0.80, 0.95, 1.00, 1.05,
         1.15, 1.10, 1.00, 1.00, 1.05, 1.20, 1.45, 1.70, 1.90, 1.75, 1.25, 0.75]);

    private static readonly double[] StoreHours = Normalise(
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.60, 0.90, 1.10,
         1.40, 1.30, 1.10, 1.10, 1.20, 1.40, 1.30, 0.90, 0, 0, 0, 0]);

    private static readonly double[] TradeHours = Normalise(
        [0, 0, 0, 0, 0, 0, 0, 0, 0.80, 1.20, 1.30, 1.20,
         0.70, 1.00, 1.20, 1.10, 0.90, 0.60, 0, 0, 0, 0, 0, 0]);

    // Monday first.
    private static readonly double[] OnlineDays = Normalise([0.95, 0.92, 0.95, 1.00, 1.02, 1.12, 1.20]);
    private static readonly double[] StoreDays = Normalise([0.85, 0.85, 0.90, 0.95, 1.10, 1.50, 0.60]);
    private static readonly double[] TradeDays = Normalise([1.10, 1.10, 1.10, 1.10, 1.00, 0.10, 0.02]);

    /// <summary>Demand at <paramref name="at"/> relative to the channel's weekly mean.</summary>
    public static double Intensity(int channel, DateTimeOffset at)
    {
        var day = ((int)at.DayOfWeek + 6) % 7;
        return channel switch
        {
            SalesChannels.Stores => StoreHours[at.Hour] * StoreDays[day],
            SalesChannels.Wholesale => TradeHours[at.Hour] * TradeDays[day],
            _ => OnlineHours[at.Hour] * OnlineDays[day],
        };
    }

    /// <summary>
    /// Next arrival of a Poisson process whose rate is constant within each hour: exact for the
    /// piecewise curve, and cheap (one logarithm, a few hour steps).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTimeOffset NextArrival(Random rng, int channel, double perSecond, DateTimeOffset from)
    {
        var need = -Math.Log(1.0 - rng.NextDouble());
        var at = from;
        for (var step = 0; step < 24 * 14; step++)
        {
            var rate = perSecond * Intensity(channel, at);
            var hourEnd = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            var available = rate * (hourEnd - at).TotalSeconds;
            if (rate > 0 && available >= need)
            {
                return at.AddSeconds(need / rate);
            }

            need -= available;
            at = hourEnd;
        }

        return at;
    }

    private static double[] Normalise(double[] values)
    {
        var mean = values.Average();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= mean;
        }

        return values;
    }
}
