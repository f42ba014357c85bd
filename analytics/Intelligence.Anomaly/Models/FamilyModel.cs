namespace Intelligence.Anomaly.Models;

/// <summary>
/// A randomized-PCA model of one KPI family's normal feature vectors (trained by ML.NET): the mean,
/// the principal components and how large the reconstruction error of normal points runs. A point
/// whose features the components cannot rebuild is unusual for the family, even when each feature
/// alone looks ordinary. Scoring is plain arithmetic, so the stream needs no ML.NET at run time.
/// </summary>
public sealed record FamilyModel
{
    public required float[] Mean { get; init; }

    /// <summary>Orthonormal principal components, each of <see cref="Mean"/>'s length.</summary>
    public required float[][] Components { get; init; }

    /// <summary>The reconstruction error a normal point stays under (a high quantile of the training errors).</summary>
    public required double ErrorScale { get; init; }

    /// <summary>Feature vectors the model was trained on.</summary>
    public required long TrainingPoints { get; init; }

    /// <summary>Series the training points came from.</summary>
    public required int Series { get; init; }

    /// <summary>The distance of the features from the components' subspace (the reconstruction error).</summary>
    public double ReconstructionError(ReadOnlySpan<float> features)
    {
        double total = 0;
        Span<double> centred = stackalloc double[Mean.Length];
        for (var i = 0; i < Mean.Length; i++)
        {
            centred[i] = features[i] - Mean[i];
            total += centred[i] * centred[i];
        }

        foreach (var component in Components)
        {
            double projection = 0;
            for (var i = 0; i < component.Length; i++)
            {
                projection += component[i] * centred[i];
            }

            total -= projection * projection;
        }

        return Math.Sqrt(Math.Max(total, 0));
    }
}
