using System.Globalization;
using System.Text;
using Intelligence.Anomaly.Evaluation;

namespace Intelligence.Anomaly.Nab;

/// <summary>One detector's window score on one series.</summary>
public readonly record struct NabRow(string Detector, string Series, WindowScore Score);

/// <summary>
/// The NAB comparison: per detector and series the window score, pooled per detector by adding the
/// counts; and how fast our scorer went (points scored by the robust scorer over the time it took).
/// </summary>
public sealed record NabReport(IReadOnlyList<NabRow> Rows, long PointsScored, TimeSpan ScoringTime)
{
    public IReadOnlyList<string> Detectors => Rows.Select(r => r.Detector).Distinct().ToList();

    public IReadOnlyList<string> Series => Rows.Select(r => r.Series).Distinct().ToList();

    public double PointsPerSecond => ScoringTime <= TimeSpan.Zero ? 0 : PointsScored / ScoringTime.TotalSeconds;

    public WindowScore Pooled(string detector) => WindowScore.Pool(Rows.Where(r => r.Detector == detector).Select(r => r.Score));

    public WindowScore Of(string detector, string series) => Rows.Single(r => r.Detector == detector && r.Series == series).Score;

    /// <summary>A fixed-width table: pooled precision, recall, F1 and episodes per detector, then F1 (episodes) per series.</summary>
    public string Format()
    {
        var detectors = Detectors;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"detector",-20} {"precision",9} {"recall",7} {"F1",6} {"episodes",8} {"windows",7}");
        foreach (var detector in detectors)
        {
            var pooled = Pooled(detector);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{detector,-20} {pooled.Precision,9:F3} {pooled.Recall,7:F3} {pooled.F1,6:F3} {pooled.Episodes,8} {pooled.DetectedWindows,3}/{pooled.Windows,-3}");
        }

        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{"series: F1 (episodes, windows hit/all)",-52}");
        foreach (var detector in detectors)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Abbreviate(detector),18}");
        }

        text.AppendLine();
        foreach (var series in Series)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Abbreviate(series, 52),-52}");
            foreach (var detector in detectors)
            {
                var score = Of(detector, series);
                text.Append(CultureInfo.InvariantCulture, $" {$"{score.F1:F2} ({score.Episodes}, {score.DetectedWindows}/{score.Windows})",18}");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"scored {PointsScored:N0} points in {ScoringTime.TotalMilliseconds:F0} ms ({PointsPerSecond:N0} points/s, one thread)");
        return text.ToString();
    }

    private static string Abbreviate(string text, int width = 18) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
