namespace Intelligence.Anomaly.Training;

/// <summary>Settings of <see cref="ModelTrainer"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Principal components kept (at most the feature count − 1). Default 3.</summary>
    public int Rank { get; init; } = 3;

    /// <summary>Feature vectors a family needs for a model; fewer and it stays on robust statistics (cold start). Default 200.</summary>
    public int MinimumVectors { get; init; } = 200;

    /// <summary>The quantile of the training reconstruction errors taken as the family's error scale. Default 0.99.</summary>
    public double ErrorQuantile { get; init; } = 0.99;

    /// <summary>Seed of the randomized PCA, so that a retrain on the same data gives the same model. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
