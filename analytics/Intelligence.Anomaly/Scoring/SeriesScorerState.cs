namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// One series' memory, bounded whatever its length: a level and hour-of-day and day-of-week
/// offsets (the seasonal baseline), the last residuals (for a robust spread), the last deviations
/// (for smoothing and the model's lags) and the hold of the current incident. Only public settable
/// properties and arrays of plain values, so that a Kafka state store can keep it as JSON.
/// </summary>
public sealed class SeriesScorerState
{
    /// <summary>Points seen.</summary>
    public long Points { get; set; }

    public double Level { get; set; }

    /// <summary>Additive offset of each hour of the day (UTC) from the level.</summary>
    public double[] HourOffsets { get; set; } = new double[24];

    /// <summary>Additive offset of each day of the week (Sunday first) from the level.</summary>
    public double[] DayOffsets { get; set; } = new double[7];

    /// <summary>The last residuals (value − expected), oldest first, at most <see cref="ScorerOptions.ResidualPoints"/>.</summary>
    public List<double> Residuals { get; set; } = [];

    /// <summary>The last signed deviations, oldest first, at most <see cref="ScorerOptions.SmoothingPoints"/> (and the model's lags).</summary>
    public List<double> Deviations { get; set; } = [];

    /// <summary>Points the current incident is still held for.</summary>
    public int Held { get; set; }

    /// <summary>The sign of the deviation that opened the current incident (+1 up, −1 down, 0 none).</summary>
    public int HeldSign { get; set; }
}
