namespace Intelligence.Anomaly.Scoring;

/// <summary>Settings of <see cref="SeriesScorer"/>: one configuration for every series.</summary>
public sealed record ScorerOptions
{
    /// <summary>Points needed before anything is scored (cold start scores 0). Default 48.</summary>
    public int MinimumHistory { get; init; } = 48;

    /// <summary>Recent residuals the robust spread (1.4826 × MAD) is taken from; bounds memory. Default 336.</summary>
    public int ResidualPoints { get; init; } = 336;

    /// <summary>Deviations averaged, so one odd point does not alarm but a sustained shift does. Default 3.</summary>
    public int SmoothingPoints { get; init; } = 3;

    /// <summary>How fast the level follows the values (EWMA weight). Default 0.05.</summary>
    public double LevelRate { get; init; } = 0.05;

    /// <summary>How fast the hour-of-day and day-of-week offsets learn. Default 0.1.</summary>
    public double SeasonRate { get; init; } = 0.1;

    /// <summary>The averaged deviation (robust standard deviations) that scores 1 − 1/e. Default 6.</summary>
    public double Scale { get; init; } = 6;

    /// <summary>A score at or above this is a detection. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Points a detection is held for, so one incident is one episode. Default 24.</summary>
    public int HoldPoints { get; init; } = 24;

    /// <summary>Weight of the model's score against the robust one when a model exists, in [0, 1]. Default 0.5.</summary>
    public double ModelWeight { get; init; } = 0.5;

    public IEnumerable<string> Problems()
    {
        if (MinimumHistory < 2) yield return "Anomaly:Scorer:MinimumHistory must be at least 2.";
        if (ResidualPoints < MinimumHistory) yield return "Anomaly:Scorer:ResidualPoints must be at least MinimumHistory.";
        if (SmoothingPoints < 1) yield return "Anomaly:Scorer:SmoothingPoints must be at least 1.";
        if (LevelRate is <= 0 or > 1 || SeasonRate is < 0 or > 1) yield return "Anomaly:Scorer:LevelRate must be in (0, 1] and SeasonRate in [0, 1].";
        if (Scale <= 0) yield return "Anomaly:Scorer:Scale must be positive.";
        if (Threshold is <= 0 or >= 1) yield return "Anomaly:Scorer:Threshold must be between 0 and 1.";
        if (HoldPoints < 0) yield return "Anomaly:Scorer:HoldPoints cannot be negative.";
        if (ModelWeight is < 0 or > 1) yield return "Anomaly:Scorer:ModelWeight must be in [0, 1].";
    }
}
