using Intelligence.Anomaly.Evaluation;
using Intelligence.Anomaly.Nab;
using Intelligence.Anomaly.Scoring;
using Xunit.Abstractions;

namespace Intelligence.Anomaly.Tests;

public sealed class RobustDeviationScorerTests(ITestOutputHelper output)
{
    private static readonly NabCorpus? Corpus = NabCorpus.Locate(AppContext.BaseDirectory);

    [Fact]
    public void A_steady_series_scores_low_and_a_sustained_shift_is_detected_and_held_as_one_incident()
    {
        var options = new RobustScorerOptions { HoldPoints = 20 };
        var scorer = new RobustDeviationScorer(options);
        var rng = new Random(1);
        var scores = Enumerable.Range(0, 600).Select(i => scorer.Score(100 + rng.NextDouble() * 4 + (i is >= 400 and < 410 ? 60 : 0))).ToList();

        Assert.All(scores.Take(400), s => Assert.True(s < options.Threshold, $"{s}"));
        Assert.True(scores.Skip(400).Take(10).Max() >= options.Threshold);
        var detections = scores.Select(s => s >= options.Threshold).ToList();
        var episodes = detections.Zip(detections.Skip(1), (a, b) => !a && b).Count(started => started);
        Assert.Equal(1, episodes);
    }

    [Fact]
    public void Before_its_history_fills_the_scorer_says_nothing()
    {
        var scorer = new RobustDeviationScorer(new RobustScorerOptions());

        Assert.All(Enumerable.Range(0, 50).Select(i => scorer.Score(i % 2 == 0 ? 1 : 1_000)), s => Assert.Equal(0, s));
    }

    [SkippableFact]
    public void On_the_nab_subset_one_configuration_beats_windowed_gaussian_by_the_same_metric()
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");
        var options = new RobustScorerOptions();

        var ours = WindowScore.Pool(Corpus!.Series.Select(series =>
        {
            var scorer = new RobustDeviationScorer(options);
            var scored = Corpus.Values(series).Select(p => new ScoredPoint(p.At, scorer.Score(p.Value))).ToList();
            return WindowEvaluation.Score(scored, Corpus.WindowsOf(series), options.Threshold);
        }));
        var gaussian = Reference("windowedGaussian");
        var forest = Reference("randomCutForest");

        output.WriteLine($"robust deviation: P {ours.Precision:F3} R {ours.Recall:F3} F1 {ours.F1:F3} ({ours.Episodes} episodes); "
            + $"windowedGaussian F1 {gaussian.F1:F3}; randomCutForest F1 {forest.F1:F3}");
        Assert.True(ours.F1 > gaussian.F1, $"F1 {ours.F1:F3} does not beat windowedGaussian's {gaussian.F1:F3}");
    }

    private static WindowScore Reference(string detector) =>
        WindowScore.Pool(Corpus!.Series.Select(series =>
            WindowEvaluation.Score(Corpus.ReferenceScores(detector, series), Corpus.WindowsOf(series), Corpus.Threshold(detector))));
}
