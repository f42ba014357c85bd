namespace Intelligence.Anomaly.Scoring;

/// <summary>
/// Merges a sustained deviation into one incident: once a score reaches the threshold the incident
/// stays open until the series has scored below it for <see cref="ScorerOptions.HoldFor"/>, the way
/// an on-call alert resolves only after a quiet spell rather than flickering with every point. The
/// hold is a span of time, not of points, so it means the same for hourly and five-minute series.
/// </summary>
internal static class IncidentHold
{
    public static bool Update(SeriesScorerState state, DateTimeOffset at, double score, double deviation, ScorerOptions options)
    {
        if (score >= options.Threshold)
        {
            if (state.LastAlarmAt is null)
            {
                state.HeldSign = Math.Sign(deviation);
            }

            state.LastAlarmAt = at;
            return true;
        }

        if (state.LastAlarmAt is { } last && at - last < options.HoldFor)
        {
            return true;
        }

        state.LastAlarmAt = null;
        state.HeldSign = 0;
        return false;
    }
}
