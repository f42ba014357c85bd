namespace Intelligence.Simulator.Engine;

/// <summary>Wall-calendar arithmetic on simulated (UTC) time.</summary>
internal static class Calendar
{
    /// <summary>The first moment at or after <paramref name="at"/> that falls on the given hour of the day.</summary>
    public static DateTimeOffset NextHour(DateTimeOffset at, int hour, int minute = 0)
    {
        var candidate = new DateTimeOffset(at.Year, at.Month, at.Day, hour, minute, 0, TimeSpan.Zero);
        return candidate >= at ? candidate : candidate.AddDays(1);
    }

    /// <summary>The first moment at or after <paramref name="at"/> on the given weekday and hour.</summary>
    public static DateTimeOffset Next(DateTimeOffset at, DayOfWeek day, int hour)
    {
        var candidate = NextHour(at, hour);
        while (candidate.DayOfWeek != day)
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }
}
