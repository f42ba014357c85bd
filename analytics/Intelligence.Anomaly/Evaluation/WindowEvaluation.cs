namespace Intelligence.Anomaly.Evaluation;

/// <summary>
/// The window-based metric of ../shared/datasets/README.md, the same code for every detector: the
/// first <see cref="ProbationShare"/> of a series is ignored (a detector is still learning); a point
/// scored at or above the threshold is a detection; consecutive detections form one episode; a window
/// is detected when an episode overlaps it. Every labelled window counts, probation or not.
/// </summary>
public static class WindowEvaluation
{
    public const double ProbationShare = 0.15;

    public static WindowScore Score(IReadOnlyList<ScoredPoint> series, IReadOnlyList<AnomalyWindow> windows, double threshold)
    {
        var episodes = Episodes(series, threshold);
        var detected = windows.Count(w => episodes.Any(w.Overlaps));
        var trueEpisodes = episodes.Count(e => windows.Any(w => w.Overlaps(e)));
        return new WindowScore(windows.Count, detected, episodes.Count, trueEpisodes);
    }

    public static List<Episode> Episodes(IReadOnlyList<ScoredPoint> series, double threshold)
    {
        var episodes = new List<Episode>();
        DateTime? start = null;
        var last = default(DateTime);
        for (var i = (int)(ProbationShare * series.Count); i < series.Count; i++)
        {
            var point = series[i];
            if (point.Score >= threshold)
            {
                start ??= point.At;
                last = point.At;
            }
            else if (start is { } began)
            {
                episodes.Add(new Episode(began, last));
                start = null;
            }
        }

        if (start is { } open)
        {
            episodes.Add(new Episode(open, last));
        }

        return episodes;
    }
}
