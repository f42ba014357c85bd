using Intelligence.Anomaly.Nab;
using Intelligence.Anomaly.Scoring;
using Xunit.Abstractions;

namespace Intelligence.Anomaly.Tests;

/// <summary>The scorer's one default configuration against the published detectors, by the same metric code.</summary>
public sealed class NabScorerTests(ITestOutputHelper output)
{
    private static readonly NabCorpus? Corpus = NabCorpus.Locate(AppContext.BaseDirectory);

    [SkippableFact]
    public void On_the_nab_subset_the_default_configuration_beats_random_cut_forest_and_windowed_gaussian()
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");

        var report = NabEvaluation.Run(Corpus!, new ScorerOptions());

        output.WriteLine(report.Format());
        var ours = report.Pooled(NabEvaluation.Robust);
        Assert.Equal(33, ours.Windows);
        Assert.True(ours.F1 > report.Pooled("randomCutForest").F1, $"F1 {ours.F1:F3} does not beat randomCutForest's");
        Assert.True(ours.F1 > report.Pooled("windowedGaussian").F1, $"F1 {ours.F1:F3} does not beat windowedGaussian's");
    }

    [SkippableFact]
    public void The_report_has_a_row_for_every_detector_and_series_and_a_fixed_width_table()
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");

        var report = NabEvaluation.Run(Corpus!, new ScorerOptions());
        var lines = report.Format().Split('\n');

        Assert.Equal([NabEvaluation.Robust, .. NabCorpus.ReferenceDetectors], report.Detectors);
        Assert.Equal(13 * 6, report.Rows.Count);
        Assert.Equal(0.555, Math.Round(report.Pooled("randomCutForest").F1, 3));
        Assert.Single(lines, l => l.StartsWith(NabEvaluation.Robust, StringComparison.Ordinal));
        Assert.Single(lines.Skip(9).Take(13).Select(l => l.Length).Distinct());
        Assert.True(report.PointsPerSecond > 0);
    }
}
