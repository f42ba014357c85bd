using System.Globalization;
using System.Text.Json;
using Intelligence.Anomaly.Evaluation;

namespace Intelligence.Anomaly.Nab;

/// <summary>
/// The Numenta Anomaly Benchmark subset in ../shared/datasets/nab: labelled series, their anomaly
/// windows, and the scores five published detectors gave them with NAB's tuned thresholds.
/// </summary>
public sealed class NabCorpus
{
    /// <summary>The published detectors whose scores the subset carries.</summary>
    public static readonly IReadOnlyList<string> ReferenceDetectors =
        ["numenta", "ARTime", "contextOSE", "randomCutForest", "windowedGaussian"];

    private readonly Dictionary<string, AnomalyWindow[]> _windows;
    private readonly Dictionary<string, double> _thresholds;

    private NabCorpus(string root)
    {
        Root = root;
        using var windows = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "combined_windows.json")));
        _windows = windows.RootElement.EnumerateObject().ToDictionary(
            series => series.Name,
            series => series.Value.EnumerateArray()
                .Select(w => new AnomalyWindow(Time(w[0].GetString()!), Time(w[1].GetString()!))).ToArray(),
            StringComparer.Ordinal);
        using var thresholds = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "reference_results", "thresholds.json")));
        _thresholds = thresholds.RootElement.EnumerateObject().ToDictionary(
            detector => detector.Name, detector => detector.Value.GetProperty("standard").GetProperty("threshold").GetDouble(),
            StringComparer.Ordinal);
    }

    public string Root { get; }

    /// <summary>Series names as NAB writes them (<c>realKnownCause/nyc_taxi.csv</c>), in order.</summary>
    public IReadOnlyList<string> Series => _windows.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Finds the corpus: the folder in <c>INTELLIGENCE_DATASETS</c> (holding <c>nab/</c>), else
    /// <c>shared/datasets/nab</c> beside any folder above <paramref name="from"/>. Null when absent.
    /// </summary>
    public static NabCorpus? Locate(string from)
    {
        if (Environment.GetEnvironmentVariable("INTELLIGENCE_DATASETS") is { Length: > 0 } datasets)
        {
            return Open(Path.Combine(datasets, "nab"));
        }

        for (var folder = new DirectoryInfo(from); folder is not null; folder = folder.Parent)
        {
            if (Open(Path.Combine(folder.FullName, "shared", "datasets", "nab")) is { } corpus)
            {
                return corpus;
            }
        }

        return null;
    }

    public static NabCorpus? Open(string root) =>
        File.Exists(Path.Combine(root, "combined_windows.json")) ? new NabCorpus(root) : null;

    public IReadOnlyList<AnomalyWindow> WindowsOf(string series) => _windows[series];

    public double Threshold(string detector) => _thresholds[detector];

    /// <summary>The series' values in time order.</summary>
    public IReadOnlyList<(DateTime At, double Value)> Values(string series) =>
        ReadCsv(Path.Combine(Root, "data", series));

    /// <summary>The scores a published detector gave the series.</summary>
    public IReadOnlyList<ScoredPoint> ReferenceScores(string detector, string series)
    {
        var (family, file) = (Path.GetDirectoryName(series)!, Path.GetFileName(series));
        return ReadCsv(Path.Combine(Root, "reference_results", detector, family, $"{detector}_{file}"))
            .Select(p => new ScoredPoint(p.At, p.Value)).ToList();
    }

    private static List<(DateTime At, double Value)> ReadCsv(string path) =>
        File.ReadLines(path).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(cells => (Time(cells[0]), double.Parse(cells[1], CultureInfo.InvariantCulture)))
            .ToList();

    private static DateTime Time(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
