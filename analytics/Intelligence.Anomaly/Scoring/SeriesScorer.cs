using Intelligence.Anomaly.Models;

namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// Scores a series point by point in bounded memory, then learns the point. The expected value is a
/// seasonal baseline (<see cref="SeasonalBaseline"/>); the deviation is the residual in robust
/// standard deviations (<see cref="RobustSpread"/>); the score is the residual averaged over a few
/// points, in the robust spread of such averages, squashed into [0, 1). When the family has a
/// trained model, its reconstruction error is blended in. A detection is held
/// (<see cref="IncidentHold"/>) so that one incident is one episode; while it is held the score stays
/// at or above the threshold, so <c>Score ≥ Threshold</c> exactly when <c>Detected</c>.
/// </summary>
public static class SeriesScorer
{
    public static PointScore Next(
        SeriesScorerState state, DateTimeOffset at, double value, SeriesKind kind, ScorerOptions options, FamilyModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var seen = Observe(state, at, value, kind, options);
        if (state.Points < options.MinimumHistory)
        {
            Learn(state, at, value, seen, options);
            return new PointScore(0, seen.Expected, 0, false, ScoreBasis.WarmingUp);
        }

        var score = Squash(Math.Abs(seen.Smoothed), options.Scale);
        var basis = ScoreBasis.Robust;
        if (model is not null && options.ModelWeight > 0)
        {
            var features = SeriesFeatures.Of(state, at, value, seen.Expected, seen.Deviation);
            var modelScore = Squash(model.ReconstructionError(features) / model.ErrorScale, options.ModelScale);
            score = ((1 - options.ModelWeight) * score) + (options.ModelWeight * modelScore);
            basis = ScoreBasis.RobustAndModel;
        }

        var detected = IncidentHold.Update(state, at, score, seen.Deviation, options);
        Learn(state, at, value, seen, options);
        return new PointScore(detected ? Math.Max(score, options.Threshold) : score, seen.Expected, seen.Deviation, detected, basis);
    }

    /// <summary>The feature vector the model would see for this point (null while warming up), then learns the point: what training replays.</summary>
    public static float[]? FeaturesThenLearn(SeriesScorerState state, DateTimeOffset at, double value, SeriesKind kind, ScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var seen = Observe(state, at, value, kind, options);
        var features = state.Points < options.MinimumHistory ? null : SeriesFeatures.Of(state, at, value, seen.Expected, seen.Deviation);
        Learn(state, at, value, seen, options);
        return features;
    }

    /// <summary>What the state, before it learns this point, makes of it.</summary>
    private static Observation Observe(SeriesScorerState state, DateTimeOffset at, double value, SeriesKind kind, ScorerOptions options)
    {
        if (state.Points == 0)
        {
            return new Observation(value, 0, 0, 0);
        }

        var expected = SeasonalBaseline.Expected(state, at, kind);
        var residual = value - expected;
        var (point, smoothed, smoothedResidual) = RobustSpread.Measure(state, residual, expected, kind, options);
        return new Observation(expected, residual, residual / point, smoothedResidual / smoothed);
    }

    private static void Learn(SeriesScorerState state, DateTimeOffset at, double value, Observation seen, ScorerOptions options)
    {
        SeasonalBaseline.Learn(state, at, value, seen.Deviation, options);
        RobustSpread.Remember(state, seen.Residual, options);
        state.Deviations.Add(seen.Deviation);
        if (state.Deviations.Count > SeriesFeatures.Lags)
        {
            state.Deviations.RemoveAt(0);
        }

        state.Points++;
    }

    private static double Squash(double x, double scale) => 1 - Math.Exp(-x / scale);

    /// <param name="Deviation">The residual in spreads of one point.</param>
    /// <param name="Smoothed">The averaged residual in spreads of such averages: what the robust score rests on.</param>
    private readonly record struct Observation(double Expected, double Residual, double Deviation, double Smoothed);
}
