namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// One series' memory, bounded whatever its length: a level, hour-of-day offsets and hour-of-week
/// corrections (the seasonal baseline), the last residuals (for the robust spreads and the averaged
/// residual), the last deviations (the model's lags) and the open incident. With the default
/// options about 4.4 KB in memory (336 residuals, 24 + 168 offsets) and about 10 KB as JSON. Only
/// public settable properties and arrays of plain values, so that a Kafka state store can keep it as JSON.
/// </summary>
public sealed class SeriesScorerState
{
    /// <summary>Points seen.</summary>
    public long Points { get; set; }

    public double Level { get; set; }

    /// <summary>Additive offset of each hour of the day (UTC) from the level.</summary>
    public double[] HourOffsets { get; set; } = new double[24];

    /// <summary>Additive correction of each hour of the week (Sunday 00:00 first) to the hour-of-day offset.</summary>
    public double[] WeekOffsets { get; set; } = new double[SeasonalBaseline.HoursOfWeek];

    /// <summary>Hours of data learned (each point counting the time since the one before, at most an hour).</summary>
    public double HoursSeen { get; set; }

    /// <summary>The time of the last point learned; null before the first.</summary>
    public DateTimeOffset? LastAt { get; set; }

    /// <summary>The last residuals (value − expected), a ring of at most <see cref="ScorerOptions.ResidualPoints"/>.</summary>
    public List<double> Residuals { get; set; } = [];

    /// <summary>Where the next residual goes once the ring is full (it overwrites the oldest).</summary>
    public int ResidualNext { get; set; }

    /// <summary>The last signed deviations, oldest first, at most <see cref="SeriesFeatures.Lags"/> (the model's lags).</summary>
    public List<double> Deviations { get; set; } = [];

    /// <summary>When the open incident last scored at or above the threshold; null when none is open.</summary>
    public DateTimeOffset? LastAlarmAt { get; set; }

    /// <summary>The sign of the deviation that opened the current incident (+1 up, −1 down, 0 none).</summary>
    public int HeldSign { get; set; }
}
