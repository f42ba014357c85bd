using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;

namespace Intelligence.Anomaly.Training.Tests;

public sealed class ModelTrainerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TrainedAt = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_family_with_enough_history_gets_a_model_and_a_young_one_starts_cold()
    {
        var series = new[]
        {
            Hourly("demand", "demand:web", hours: 600),
            Hourly("demand", "demand:store", hours: 600),
            Hourly("returns", "returns:rate", hours: 100), // 52 feature vectors after the warm-up: too few
        };

        var model = ModelTrainer.Train(series, new ScorerOptions(), new TrainingOptions(), TrainedAt);

        Assert.Equal(["demand"], model.Families.Keys);
        Assert.Null(model.For("returns"));
        var demand = model.Families["demand"];
        Assert.Equal((2 * (600 - new ScorerOptions().MinimumHistory), 2), (demand.TrainingPoints, demand.Series));
        Assert.Equal(SeriesFeatures.Count, demand.Mean.Length);
        Assert.Equal(3, demand.Components.Length);
        Assert.Equal((TrainedAt, Start, Start.AddHours(599)), (model.TrainedAt, model.DataFrom, model.DataTo));
    }

    [Fact]
    public void About_one_training_vector_in_a_hundred_lies_beyond_the_error_scale()
    {
        var vectors = FeatureVectors.OnAPlane(1_000, seed: 9);

        var model = ModelTrainer.Fit(vectors, series: 1, new TrainingOptions());

        var beyond = vectors.Count(v => model.ReconstructionError(v) > model.ErrorScale);
        Assert.InRange(beyond, 5, 15);
    }

    [Fact]
    public void A_trained_model_scores_its_family_and_says_so()
    {
        var options = new ScorerOptions();
        var training = Hourly("demand", "demand:web", hours: 600);
        var model = ModelTrainer.Train([training], options, new TrainingOptions(), TrainedAt).For("demand");

        var state = new SeriesScorerState();
        var scores = training.Points.Select(p => SeriesScorer.Next(state, p.At, p.Value, SeriesKind.Count, options, model)).ToList();

        Assert.Equal(ScoreBasis.RobustAndModel, scores[^1].Basis);
        Assert.True(scores.Skip(100).Count(s => s.Detected) < 30);
    }

    private static TrainingSeries Hourly(string family, string series, int hours)
    {
        var random = new Random(series.Length);
        var points = Enumerable.Range(0, hours)
            .Select(i => (Start.AddHours(i), 50 + (30 * Math.Sin(2 * Math.PI * i / 24)) + (5 * random.NextDouble())))
            .ToList();
        return new TrainingSeries(family, series, SeriesKind.Count, points);
    }
}
