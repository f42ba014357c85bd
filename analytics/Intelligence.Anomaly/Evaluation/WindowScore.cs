namespace Intelligence.Anomaly.Evaluation;

/// <summary>
/// Counts of the window-based metric, which add up over series (pooling sums the counts, then
/// derives the rates): recall = detected windows / windows; precision = episodes that overlap some
/// window / all episodes.
/// </summary>
public readonly record struct WindowScore(int Windows, int DetectedWindows, int Episodes, int TrueEpisodes)
{
    public double Recall => Windows == 0 ? 0 : (double)DetectedWindows / Windows;

    public double Precision => Episodes == 0 ? 0 : (double)TrueEpisodes / Episodes;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static WindowScore operator +(WindowScore a, WindowScore b) =>
        new(a.Windows + b.Windows, a.DetectedWindows + b.DetectedWindows, a.Episodes + b.Episodes, a.TrueEpisodes + b.TrueEpisodes);

    public static WindowScore Add(WindowScore a, WindowScore b) => a + b;

    public static WindowScore Pool(IEnumerable<WindowScore> scores) => scores.Aggregate(default(WindowScore), (a, b) => a + b);
}
