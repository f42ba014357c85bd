namespace Intelligence.Anomaly.Tests;

/// <summary>Hourly test series: a daily shape (a peak at 18:00 UTC), a quieter weekend, a little noise.</summary>
public static class SeriesBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero); // a Monday

    public static IEnumerable<(DateTimeOffset At, double Value)> Seasonal(int hours, int seed = 1, double noise = 2)
    {
        var random = new Random(seed);
        for (var i = 0; i < hours; i++)
        {
            var at = Start.AddHours(i);
            yield return (at, Expected(at) + (noise * ((random.NextDouble() * 2) - 1)));
        }
    }

    /// <summary>100 at night rising to 200 at the 18:00 peak; weekends at 70%.</summary>
    public static double Expected(DateTimeOffset at)
    {
        var daily = 100 + (100 * Math.Exp(-Math.Pow(at.Hour - 18, 2) / 8));
        return at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 * daily : daily;
    }
}
