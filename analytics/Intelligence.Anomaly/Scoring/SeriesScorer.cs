using Intelligence.Anomaly.Models;

namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// Scores a series point by point in bounded memory, then learns the point. The expected value is a
/// seasonal baseline (a level plus hour-of-day and day-of-week offsets, each an exponentially
/// weighted average); the deviation is the residual in robust standard deviations (1.4826 × the
/// median absolute residual of the last points, at least √expected for counts); deviations are
/// averaged over a few points and squashed into [0, 1). When the family has a trained model, its
/// reconstruction error is blended in. A detection is held so that one incident is one episode.
/// </summary>
public static class SeriesScorer
{
    public static PointScore Next(
        SeriesScorerState state, DateTimeOffset at, double value, SeriesKind kind, ScorerOptions options, FamilyModel? model = null)
    {
        var (hour, day) = (at.UtcDateTime.Hour, (int)at.UtcDateTime.DayOfWeek);
        var warm = state.Points >= options.MinimumHistory;
        var expected = warm ? Expected(state, hour, day, kind) : value;
        var residual = value - expected;
        var deviation = warm ? residual / Spread(state, expected, kind) : 0;

        var score = 0.0;
        var basis = ScoreBasis.WarmingUp;
        if (warm)
        {
            var smoothed = Smoothed(state, deviation, options);
            score = Squash(Math.Abs(smoothed), options.Scale);
            basis = ScoreBasis.Robust;
            if (model is not null)
            {
                var features = SeriesFeatures.Of(state, at, value, expected, deviation);
                var modelScore = Squash(model.ReconstructionError(features) / model.ErrorScale, 1 / -Math.Log(1 - options.Threshold));
                score = ((1 - options.ModelWeight) * score) + (options.ModelWeight * modelScore);
                basis = ScoreBasis.RobustAndModel;
            }
        }

        var detected = Hold(state, score, deviation, options);
        Learn(state, value, hour, day, residual, deviation, options);
        return new PointScore(score, expected, deviation, detected, basis);
    }

    /// <summary>The feature vector the model would see for this point, then learns the point: what training replays.</summary>
    public static float[]? FeaturesThenLearn(SeriesScorerState state, DateTimeOffset at, double value, SeriesKind kind, ScorerOptions options)
    {
        var (hour, day) = (at.UtcDateTime.Hour, (int)at.UtcDateTime.DayOfWeek);
        var warm = state.Points >= options.MinimumHistory;
        var expected = warm ? Expected(state, hour, day, kind) : value;
        var residual = value - expected;
        var deviation = warm ? residual / Spread(state, expected, kind) : 0;
        var features = warm ? SeriesFeatures.Of(state, at, value, expected, deviation) : null;
        Learn(state, value, hour, day, residual, deviation, options);
        return features;
    }

    private static double Expected(SeriesScorerState state, int hour, int day, SeriesKind kind)
    {
        var expected = state.Level + state.HourOffsets[hour] + state.DayOffsets[day];
        return kind == SeriesKind.Count ? Math.Max(expected, 0) : expected;
    }

    private static double Spread(SeriesScorerState state, double expected, SeriesKind kind)
    {
        var robust = 1.4826 * MedianAbsolute(state.Residuals);
        var floor = kind == SeriesKind.Count ? Math.Sqrt(Math.Max(expected, 1)) : 1e-6 * Math.Max(1, Math.Abs(expected));
        return Math.Max(robust, floor);
    }

    private static double Smoothed(SeriesScorerState state, double deviation, ScorerOptions options)
    {
        var sum = deviation;
        var count = 1;
        for (var i = state.Deviations.Count - 1; i >= 0 && count < options.SmoothingPoints; i--, count++)
        {
            sum += state.Deviations[i];
        }

        return sum / count;
    }

    private static bool Hold(SeriesScorerState state, double score, double deviation, ScorerOptions options)
    {
        if (score >= options.Threshold)
        {
            if (state.Held == 0)
            {
                state.HeldSign = Math.Sign(deviation);
            }

            state.Held = Math.Max(options.HoldPoints, 1);
            return true;
        }

        if (state.Held > 0 && --state.Held > 0)
        {
            return true;
        }

        state.HeldSign = 0;
        return false;
    }

    private static void Learn(SeriesScorerState state, double value, int hour, int day, double residual, double deviation, ScorerOptions options)
    {
        if (state.Points == 0)
        {
            state.Level = value;
        }
        else
        {
            // A point far off the baseline teaches it less, so an incident does not become the new normal at once.
            var weight = Math.Abs(deviation) > 4 ? 0.25 : 1;
            var deseasonalised = value - state.HourOffsets[hour] - state.DayOffsets[day];
            state.Level += weight * options.LevelRate * (deseasonalised - state.Level);
            state.HourOffsets[hour] += weight * options.SeasonRate * (value - state.Level - state.DayOffsets[day] - state.HourOffsets[hour]);
            state.DayOffsets[day] += weight * options.SeasonRate / 4 * (value - state.Level - state.HourOffsets[hour] - state.DayOffsets[day]);
        }

        state.Points++;
        Push(state.Residuals, residual, options.ResidualPoints);
        Push(state.Deviations, deviation, Math.Max(options.SmoothingPoints, SeriesFeatures.Lags));
    }

    private static void Push(List<double> values, double value, int capacity)
    {
        values.Add(value);
        if (values.Count > capacity)
        {
            values.RemoveAt(0);
        }
    }

    private static double MedianAbsolute(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Math.Abs(values[i]);
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Squash(double x, double scale) => 1 - Math.Exp(-x / scale);
}
