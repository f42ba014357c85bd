using Intelligence.Anomaly.Nab;
using Intelligence.Anomaly.Scoring;
using Xunit.Abstractions;

namespace Intelligence.Anomaly.Training.Tests;

/// <summary>Robust statistics plus a PCA model trained on each NAB series' probationary first 15%, by the same metric.</summary>
public sealed class NabModelTests(ITestOutputHelper output)
{
    private static readonly NabCorpus? Corpus = NabCorpus.Locate(AppContext.BaseDirectory);

    [SkippableFact]
    public void On_the_nab_subset_robust_statistics_with_a_model_trained_on_the_warm_up_beat_random_cut_forest()
    {
        Skip.If(Corpus is null, "The NAB subset is not on this machine: set INTELLIGENCE_DATASETS to the folder holding nab/ (../shared/datasets).");
        var options = new ScorerOptions();

        var report = NabEvaluation.Run(Corpus!, options, series => ModelTrainer.Train(series, options, new TrainingOptions(), DateTimeOffset.UnixEpoch));

        output.WriteLine(report.Format());
        var withModel = report.Pooled(NabEvaluation.RobustAndModel);
        Assert.Equal(33, withModel.Windows);
        Assert.True(withModel.F1 > report.Pooled("randomCutForest").F1, $"F1 {withModel.F1:F3} does not beat randomCutForest's");
        Assert.True(withModel.F1 > report.Pooled("windowedGaussian").F1, $"F1 {withModel.F1:F3} does not beat windowedGaussian's");
    }
}
