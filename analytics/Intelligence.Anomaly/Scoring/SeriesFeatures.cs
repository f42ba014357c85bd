namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// The feature vector of one point, the same in training and in scoring: the deviation now and at
/// the last lags, the log ratio of value to expected, and the hour of day and day of week as points
/// on a circle (so 23:00 sits beside 00:00). Computed from the series' state before it learns the point.
/// </summary>
public static class SeriesFeatures
{
    public const int Lags = 3;
    public const int Count = 2 + Lags + 4;

    public static float[] Of(SeriesScorerState state, DateTimeOffset at, double value, double expected, double deviation)
    {
        var features = new float[Count];
        features[0] = (float)Clip(deviation);
        features[1] = (float)Math.Clamp(Math.Log((Math.Abs(value) + 1) / (Math.Abs(expected) + 1)), -5, 5);
        for (var lag = 1; lag <= Lags; lag++)
        {
            var index = state.Deviations.Count - lag;
            features[1 + lag] = index >= 0 ? (float)Clip(state.Deviations[index]) : 0f;
        }

        var hour = (at.UtcDateTime.Hour + (at.UtcDateTime.Minute / 60.0)) / 24 * 2 * Math.PI;
        var day = (int)at.UtcDateTime.DayOfWeek / 7.0 * 2 * Math.PI;
        features[2 + Lags] = (float)Math.Sin(hour);
        features[3 + Lags] = (float)Math.Cos(hour);
        features[4 + Lags] = (float)Math.Sin(day);
        features[5 + Lags] = (float)Math.Cos(day);
        return features;
    }

    private static double Clip(double deviation) => Math.Clamp(deviation, -20, 20);
}
