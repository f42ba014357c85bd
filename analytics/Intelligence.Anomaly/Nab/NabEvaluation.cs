using System.Diagnostics;
using Intelligence.Anomaly.Evaluation;
using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;

namespace Intelligence.Anomaly.Nab;

/// <summary>
/// Scores every series of the NAB subset with <see cref="SeriesScorer"/> (one configuration for all)
/// and measures it, and the five published detectors, by the same window metric. With a trainer, it
/// also trains a model on each series' probationary first 15% (which the metric ignores: the warm-up
/// of the stream) and scores the whole series with it.
/// </summary>
public static class NabEvaluation
{
    public const string Robust = "ours (robust)";
    public const string RobustAndModel = "ours (robust+PCA)";

    public static NabReport Run(NabCorpus corpus, ScorerOptions options, Func<IReadOnlyList<TrainingSeries>, AnomalyModel?>? train = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<NabRow>();
        var (points, scoring) = (0L, TimeSpan.Zero);
        foreach (var series in corpus.Series)
        {
            var values = corpus.Values(series).Select(p => (At: new DateTimeOffset(p.At), p.Value)).ToList();
            var windows = corpus.WindowsOf(series);

            var clock = Stopwatch.StartNew();
            var robust = Score(values, options, model: null);
            scoring += clock.Elapsed;
            points += values.Count;
            rows.Add(new NabRow(Robust, series, WindowEvaluation.Score(robust, windows, options.Threshold)));

            if (train is not null)
            {
                var probation = values.Take((int)(WindowEvaluation.ProbationShare * values.Count)).ToList();
                var model = train([new TrainingSeries(series, series, SeriesKind.Level, probation)])?.For(series);
                rows.Add(new NabRow(RobustAndModel, series, WindowEvaluation.Score(Score(values, options, model), windows, options.Threshold)));
            }

            rows.AddRange(NabCorpus.ReferenceDetectors.Select(detector => new NabRow(
                detector, series, WindowEvaluation.Score(corpus.ReferenceScores(detector, series), windows, corpus.Threshold(detector)))));
        }

        return new NabReport(rows, points, scoring);
    }

    /// <summary>One series scored point by point from a fresh state, as the stream would.</summary>
    public static List<ScoredPoint> Score(IReadOnlyList<(DateTimeOffset At, double Value)> values, ScorerOptions options, FamilyModel? model)
    {
        ArgumentNullException.ThrowIfNull(values);
        var state = new SeriesScorerState();
        var scored = new List<ScoredPoint>(values.Count);
        foreach (var (at, value) in values)
        {
            scored.Add(new ScoredPoint(at.UtcDateTime, SeriesScorer.Next(state, at, value, SeriesKind.Level, options, model).Score));
        }

        return scored;
    }
}
