namespace Intelligence.Anomaly.Scoring;

/// <summary>Settings of <see cref="SeriesScorer"/>: one configuration for every series.</summary>
public sealed record ScorerOptions
{
    /// <summary>Points needed before anything is scored (cold start scores 0). Default 48.</summary>
    public int MinimumHistory { get; init; } = 48;

    /// <summary>Recent residuals the robust spread (1.4826 × MAD) is taken from; bounds memory. Default 336.</summary>
    public int ResidualPoints { get; init; } = 336;

    /// <summary>Residuals averaged for the score, so one odd point does not alarm but a sustained shift does. Default 6.</summary>
    public int SmoothingPoints { get; init; } = 6;

    /// <summary>How fast the level follows the values (EWMA weight per hour of data). Default 0.05.</summary>
    public double LevelRate { get; init; } = 0.05;

    /// <summary>How fast the hour-of-day offsets learn (per hour of data in that hour). Default 0.1.</summary>
    public double SeasonRate { get; init; } = 0.1;

    /// <summary>How fast the hour-of-week corrections learn (per hour of data in that hour). Default 0.2.</summary>
    public double WeekRate { get; init; } = 0.2;

    /// <summary>A residual teaches the baseline as if it were at most this many spreads (Huber). Default 3.</summary>
    public double LearningClip { get; init; } = 3;

    /// <summary>The spread is at least this share of the mean absolute residual. Default 0.5.</summary>
    public double MeanResidualFloor { get; init; } = 0.5;

    /// <summary>The spread is at least this share of the expected value. Default 0.</summary>
    public double RelativeFloor { get; init; }

    /// <summary>
    /// The averaged residual, in robust spreads of such averages, that scores 1 − 1/e. Default 12: the
    /// threshold 0.5 is then reached at 12 × ln 2 ≈ 8.3 spreads.
    /// </summary>
    public double Scale { get; init; } = 12;

    /// <summary>A score at or above this is a detection. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>How long an incident stays open after its last alarming point, so one incident is one episode. Default 2 days.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Weight of the model's score against the robust one when a model exists, in [0, 1]. Default 0.5:
    /// on NAB (model trained on each series' first 15%) it measured best of 0, 0.25, 0.5 and 0.75, by a little.
    /// </summary>
    public double ModelWeight { get; init; } = 0.5;

    /// <summary>The reconstruction error, in units of the model's error scale, that scores 1 − 1/e. Default 1.44 (the error scale scores 0.5).</summary>
    public double ModelScale { get; init; } = 1 / Math.Log(2);

    public IEnumerable<string> Problems()
    {
        if (MinimumHistory < 2) yield return "Anomaly:Scorer:MinimumHistory must be at least 2.";
        if (ResidualPoints < 2) yield return "Anomaly:Scorer:ResidualPoints must be at least 2.";
        if (SmoothingPoints < 1) yield return "Anomaly:Scorer:SmoothingPoints must be at least 1.";
        if (LevelRate is <= 0 or > 1 || SeasonRate is < 0 or > 1 || WeekRate is < 0 or > 1) yield return "Anomaly:Scorer:LevelRate must be in (0, 1], SeasonRate and WeekRate in [0, 1].";
        if (LearningClip <= 0) yield return "Anomaly:Scorer:LearningClip must be positive.";
        if (MeanResidualFloor < 0 || RelativeFloor < 0) yield return "Anomaly:Scorer:MeanResidualFloor and RelativeFloor cannot be negative.";
        if (Scale <= 0 || ModelScale <= 0) yield return "Anomaly:Scorer:Scale and ModelScale must be positive.";
        if (Threshold is <= 0 or >= 1) yield return "Anomaly:Scorer:Threshold must be between 0 and 1.";
        if (HoldFor < TimeSpan.Zero) yield return "Anomaly:Scorer:HoldFor cannot be negative.";
        if (ModelWeight is < 0 or > 1) yield return "Anomaly:Scorer:ModelWeight must be in [0, 1].";
    }
}
