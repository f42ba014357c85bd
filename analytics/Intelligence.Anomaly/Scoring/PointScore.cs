namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// What the scorer made of one point. <see cref="Score"/> is in [0, 1); <see cref="Detected"/> is
/// true while an incident is in force (a score at or above the threshold, held for a while);
/// <see cref="Deviation"/> is signed: (value − expected) in robust standard deviations.
/// </summary>
public readonly record struct PointScore(double Score, double Expected, double Deviation, bool Detected, ScoreBasis Basis);

/// <summary>What a score rests on, so that every alert and row can say it.</summary>
public enum ScoreBasis
{
    /// <summary>Too little history yet: the score is 0 (cold start of the series).</summary>
    WarmingUp,

    /// <summary>The seasonal baseline and robust statistics only: no model has been trained for the family (cold start of the model).</summary>
    Robust,

    /// <summary>Robust statistics combined with the trained model's reconstruction error.</summary>
    RobustAndModel,
}
