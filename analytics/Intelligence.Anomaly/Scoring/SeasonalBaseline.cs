namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// The value a series is expected to take at a time (UTC): a level, plus an hour-of-day offset, plus
/// an hour-of-week correction (a Saturday morning is not a Tuesday morning), each an exponentially
/// weighted average. Rates are per hour of data, so that a five-minute series learns at the same
/// pace in time as an hourly one. Learning is robust (Huber): a residual counts at most
/// <see cref="ScorerOptions.LearningClip"/> spreads, so an incident moves the baseline slowly and a
/// lasting shift is still learned, at a bounded pace.
/// </summary>
internal static class SeasonalBaseline
{
    public const int HoursOfWeek = 7 * 24;

    public static double Expected(SeriesScorerState state, DateTimeOffset at, SeriesKind kind)
    {
        var (hour, hourOfWeek) = Slots(at);
        var expected = state.Level + state.HourOffsets[hour] + state.WeekOffsets[hourOfWeek];
        return kind == SeriesKind.Count ? Math.Max(expected, 0) : expected;
    }

    public static void Learn(SeriesScorerState state, DateTimeOffset at, double value, double deviation, ScorerOptions options)
    {
        var last = state.LastAt;
        state.LastAt = at;
        if (last is null)
        {
            state.Level = value;
            return;
        }

        // The share of an hour this point stands for: a five-minute point teaches a twelfth of an hourly one.
        var hours = Math.Clamp((at - last.Value).TotalHours, 0, 1);
        var weight = hours * (Math.Abs(deviation) > options.LearningClip ? options.LearningClip / Math.Abs(deviation) : 1);
        var (hour, hourOfWeek) = Slots(at);
        var seen = state.HoursSeen;
        state.HoursSeen += hours;
        state.Level += Rate(options.LevelRate, seen, weight) * (value - state.HourOffsets[hour] - state.WeekOffsets[hourOfWeek] - state.Level);
        state.HourOffsets[hour] += Rate(options.SeasonRate, seen / 24, weight) * (value - state.Level - state.WeekOffsets[hourOfWeek] - state.HourOffsets[hour]);
        state.WeekOffsets[hourOfWeek] += Rate(options.WeekRate, seen / HoursOfWeek, weight) * (value - state.Level - state.HourOffsets[hour] - state.WeekOffsets[hourOfWeek]);
    }

    /// <summary>
    /// The weight of this point: the rate per hour, but a plain running mean (1 / visits) while that is larger,
    /// so that a young series' daily and weekly shape is learned in its first days and weeks, not in months.
    /// </summary>
    private static double Rate(double perHour, double visits, double hours) => 1 - Math.Pow(1 - Math.Max(perHour, 1 / (visits + 1)), hours);

    private static (int Hour, int HourOfWeek) Slots(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (utc.Hour, ((int)utc.DayOfWeek * 24) + utc.Hour);
    }
}
