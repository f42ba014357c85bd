namespace Intelligence.Anomaly.Scoring;

/// <summary>Settings of <see cref="RobustDeviationScorer"/>; one configuration for every series.</summary>
public sealed record RobustScorerOptions
{
    /// <summary>Recent values the baseline (median and MAD) is taken from; bounds memory per series. Default 1,000.</summary>
    public int HistoryPoints { get; init; } = 1_000;

    /// <summary>Values needed before anything is scored (cold start scores 0). Default 50.</summary>
    public int MinimumHistory { get; init; } = 50;

    /// <summary>Deviations averaged, so that one odd point does not alarm but a sustained shift does. Default 6.</summary>
    public int SmoothingPoints { get; init; } = 6;

    /// <summary>The averaged deviation (in robust standard deviations) that scores 1 − 1/e. Default 8.</summary>
    public double Scale { get; init; } = 8;

    /// <summary>A score at or above this is a detection. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Points a detection is held for, so that one incident is one episode, not a flicker of alarms. Default 400.</summary>
    public int HoldPoints { get; init; } = 400;
}
