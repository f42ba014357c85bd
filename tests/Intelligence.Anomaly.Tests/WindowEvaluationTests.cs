using Intelligence.Anomaly.Evaluation;

namespace Intelligence.Anomaly.Tests;

public sealed class WindowEvaluationTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    private static List<ScoredPoint> Series(params double[] scores) =>
        scores.Select((s, i) => new ScoredPoint(T0.AddHours(i), s)).ToList();

    private static AnomalyWindow Hours(int from, int to) => new(T0.AddHours(from), T0.AddHours(to));

    [Fact]
    public void Consecutive_detections_are_one_episode_and_a_window_they_overlap_is_detected()
    {
        // 20 points: the first 3 are probation. Detections at 10-11 (one episode, in the window) and 16 (a false alarm).
        var scores = new double[20];
        scores[10] = scores[11] = 0.9;
        scores[16] = 0.8;

        var score = WindowEvaluation.Score(Series(scores), [Hours(9, 12), Hours(14, 15)], threshold: 0.5);

        Assert.Equal(new WindowScore(Windows: 2, DetectedWindows: 1, Episodes: 2, TrueEpisodes: 1), score);
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(0.5, score.F1);
    }

    [Fact]
    public void Detections_in_the_probationary_first_fifteen_percent_do_not_count()
    {
        var scores = new double[20];
        scores[1] = 1.0; // inside probation (the first 3 points)

        var score = WindowEvaluation.Score(Series(scores), [Hours(0, 2)], threshold: 0.5);

        Assert.Equal(0, score.Episodes);
        Assert.Equal(1, score.Windows);
        Assert.Equal(0, score.F1);
    }

    [Fact]
    public void A_score_exactly_at_the_threshold_is_a_detection_and_an_episode_open_at_the_end_counts()
    {
        var scores = new double[20];
        scores[18] = scores[19] = 0.5;

        var episodes = WindowEvaluation.Episodes(Series(scores), threshold: 0.5);

        Assert.Equal([new Episode(T0.AddHours(18), T0.AddHours(19))], episodes);
    }

    [Fact]
    public void Pooling_adds_the_counts_before_the_rates_are_taken()
    {
        var pooled = WindowScore.Pool([new WindowScore(2, 2, 10, 2), new WindowScore(2, 0, 0, 0)]);

        Assert.Equal(0.5, pooled.Recall);
        Assert.Equal(0.2, pooled.Precision, 10);
    }
}
