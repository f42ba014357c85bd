using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Intelligence.Anomaly.Training;

/// <summary>
/// Trains one randomized-PCA model per KPI family: replays each series through the scorer exactly as
/// the stream would (<see cref="SeriesScorer.FeaturesThenLearn"/>), so the model sees the features
/// it will be asked about; fits ML.NET's randomized PCA on the family's vectors; and keeps only the
/// arithmetic (mean, components, error scale) in a <see cref="FamilyModel"/>.
/// </summary>
public static class ModelTrainer
{
    /// <summary>A model per family with enough vectors; version 0 until <see cref="ModelStore.Save"/> gives it one.</summary>
    public static AnomalyModel Train(IEnumerable<TrainingSeries> series, ScorerOptions options, TrainingOptions training, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        var vectors = new Dictionary<string, (List<float[]> Vectors, HashSet<string> Series)>(StringComparer.Ordinal);
        var (from, to) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        foreach (var one in series)
        {
            if (!vectors.TryGetValue(one.Family, out var family))
            {
                vectors[one.Family] = family = ([], new HashSet<string>(StringComparer.Ordinal));
            }

            family.Series.Add(one.Series);
            var state = new SeriesScorerState();
            foreach (var (at, value) in one.Points)
            {
                (from, to) = (at < from ? at : from, at > to ? at : to);
                if (SeriesScorer.FeaturesThenLearn(state, at, value, one.Kind, options) is { } features)
                {
                    family.Vectors.Add(features);
                }
            }
        }

        if (from > to)
        {
            throw new ArgumentException("There is no point to train on.", nameof(series));
        }

        var families = vectors
            .Where(f => f.Value.Vectors.Count >= training.MinimumVectors)
            .ToDictionary(f => f.Key, f => Fit(f.Value.Vectors, f.Value.Series.Count, training), StringComparer.Ordinal);
        return new AnomalyModel { Version = 0, TrainedAt = trainedAt, DataFrom = from, DataTo = to, Families = families };
    }

    /// <summary>Fits ML.NET's randomized PCA (centred) on one family's vectors and extracts the model.</summary>
    public static FamilyModel Fit(IReadOnlyList<float[]> vectors, int series, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(training);
        var ml = new MLContext(training.Seed);
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new FeatureVector { Features = v }), FeatureVector.Schema(vectors[0].Length));
        return Extract(FitTransformer(ml, data, vectors[0].Length, training).Model, vectors, series, training);
    }

    /// <summary>
    /// The mean and eigenvectors of a trained PCA as a <see cref="FamilyModel"/>, with the error scale
    /// taken as <see cref="TrainingOptions.ErrorQuantile"/> of the reconstruction errors of its training vectors.
    /// </summary>
    public static FamilyModel Extract(PcaModelParameters pca, IReadOnlyList<float[]> vectors, int series, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(pca);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(training);
        var eigenVectors = default(VBuffer<float>[]);
        pca.GetEigenVectors(ref eigenVectors, out var rank);
        var mean = default(VBuffer<float>);
        pca.GetMean(ref mean);

        var model = new FamilyModel
        {
            Mean = mean.DenseValues().ToArray(),
            Components = eigenVectors!.Take(rank).Select(v => v.DenseValues().ToArray()).ToArray(),
            ErrorScale = 1,
            TrainingPoints = vectors.Count,
            Series = series,
        };
        var errors = vectors.Select(v => model.ReconstructionError(v)).Order().ToList();
        var quantile = errors[(int)Math.Min(errors.Count - 1, Math.Floor(training.ErrorQuantile * errors.Count))];
        return model with { ErrorScale = Math.Max(quantile, 1e-6) };
    }

    /// <summary>The trained ML.NET transformer itself, for checking the extracted arithmetic against its own scores.</summary>
    public static AnomalyPredictionTransformer<PcaModelParameters> FitTransformer(MLContext ml, IDataView data, int dimension, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(training);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(FeatureVector.Features),
            Rank = Math.Clamp(training.Rank, 1, dimension - 1),
            EnsureZeroMean = true,
            Seed = training.Seed,
        });
        return trainer.Fit(data);
    }
}
