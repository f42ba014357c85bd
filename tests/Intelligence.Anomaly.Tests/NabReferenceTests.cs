using Intelligence.Anomaly.Evaluation;
using Intelligence.Anomaly.Nab;

namespace Intelligence.Anomaly.Tests;

/// <summary>
/// The metric, run on the published detectors' own scores, gives the pooled F1 that
/// ../shared/datasets/README.md states for each: the check that it is the same metric.
/// </summary>
public sealed class NabReferenceTests
{
    private static readonly NabCorpus? Corpus = NabCorpus.Locate(AppContext.BaseDirectory);

    [SkippableTheory]
    [InlineData("numenta", 0.636)]
    [InlineData("contextOSE", 0.625)]
    [InlineData("ARTime", 0.565)]
    [InlineData("randomCutForest", 0.555)]
    [InlineData("windowedGaussian", 0.430)]
    public void The_published_detectors_score_the_pooled_f1_the_dataset_readme_states(string detector, double expected)
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");

        var pooled = WindowScore.Pool(Corpus!.Series.Select(series =>
            WindowEvaluation.Score(Corpus.ReferenceScores(detector, series), Corpus.WindowsOf(series), Corpus.Threshold(detector))));

        Assert.Equal(13, Corpus.Series.Count);
        Assert.Equal(33, pooled.Windows);
        Assert.Equal(expected, Math.Round(pooled.F1, 3));
    }

    [SkippableFact]
    public void Every_series_has_values_windows_and_reference_scores_of_the_same_length()
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");

        foreach (var series in Corpus!.Series)
        {
            var values = Corpus.Values(series);
            Assert.True(values.Count > 1_000, series);
            Assert.NotEmpty(Corpus.WindowsOf(series));
            Assert.All(NabCorpus.ReferenceDetectors, d => Assert.Equal(values.Count, Corpus.ReferenceScores(d, series).Count));
        }
    }
}
