using Intelligence.Anomaly.Training;
using Microsoft.ML;

namespace Intelligence.Anomaly.Training.Tests;

/// <summary>
/// The stream scores with the arithmetic extracted from ML.NET's PCA, not with ML.NET: it must give
/// what ML.NET gives. ML.NET's PCA anomaly score is the distance to the subspace divided by the
/// distance to the mean, √((‖x−μ‖² − ‖U(x−μ)‖²) / ‖x−μ‖²) (PcaModelParameters.Score), so
/// ReconstructionError(x) / ‖x − μ‖ must equal it.
/// </summary>
public sealed class PcaArithmeticTests
{
    private static readonly TrainingOptions Training = new() { Rank = 3 };

    [Fact]
    public void The_extracted_reconstruction_error_over_the_distance_to_the_mean_is_ml_nets_own_score()
    {
        var vectors = FeatureVectors.OnAPlane(600, seed: 3);
        var probes = FeatureVectors.OnAPlane(50, seed: 4).Concat(FeatureVectors.Scattered(50, seed: 5)).ToList();
        var ml = new MLContext(Training.Seed);
        var transformer = ModelTrainer.FitTransformer(ml, Load(ml, vectors), FeatureVectors.Dimension, Training);

        var model = ModelTrainer.Extract(transformer.Model, vectors, series: 1, Training);
        var theirs = ml.Data.CreateEnumerable<ScoreRow>(transformer.Transform(Load(ml, probes)), reuseRowObject: false).Select(r => r.Score).ToList();

        Assert.Equal(3, model.Components.Length);
        for (var i = 0; i < probes.Count; i++)
        {
            var ours = model.ReconstructionError(probes[i]) / DistanceToMean(probes[i], model.Mean);
            Assert.True(Math.Abs(ours - theirs[i]) < 1e-3, $"probe {i}: ours {ours:F5}, ML.NET {theirs[i]:F5}");
        }

        // The vectors off the plane are the unusual ones by both measures.
        Assert.True(theirs.Take(50).Max() < theirs.Skip(50).Min());
        Assert.True(probes.Take(50).Max(p => model.ReconstructionError(p)) < probes.Skip(50).Min(p => model.ReconstructionError(p)));
    }

    [Fact]
    public void The_extracted_components_are_orthonormal()
    {
        var model = ModelTrainer.Fit(FeatureVectors.OnAPlane(600, seed: 3), series: 1, Training);

        for (var i = 0; i < model.Components.Length; i++)
        {
            for (var j = 0; j < model.Components.Length; j++)
            {
                var dot = model.Components[i].Zip(model.Components[j], (a, b) => (double)a * b).Sum();
                Assert.Equal(i == j ? 1 : 0, dot, 3);
            }
        }
    }

    private static IDataView Load(MLContext ml, IEnumerable<float[]> vectors) =>
        ml.Data.LoadFromEnumerable(vectors.Select(v => new FeatureVector { Features = v }), FeatureVector.Schema(FeatureVectors.Dimension));

    private static double DistanceToMean(float[] x, float[] mean) => Math.Sqrt(x.Zip(mean, (a, m) => (double)(a - m) * (a - m)).Sum());

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}
