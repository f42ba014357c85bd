using System.Globalization;
using Intelligence.Analytics;
using Intelligence.Analytics.Chdb;
using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Training;
using Intelligence.Processors.Anomalies;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence train</c>: anomaly models from the scored history in the embedded store.</summary>
public static class TrainCommand
{
    public const string Usage = """
        intelligence train [options]

        Trains the anomaly models (ML.NET randomized PCA, one per KPI family: demand, backlog,
        lead_time, returns, margin) on the history in anomaly_scores, and saves them as the next
        version in DIR/models (anomaly-model-vN.json, never overwritten). The next `run` loads the
        latest version at start; until a family has a model it is scored on robust statistics alone
        (cold start). Retrain on demand with this command, or on a schedule from cron or a systemd
        timer (see docs/anomalies.md).

          --data DIR     where the store and models live (default ./data)
          --from ISO     the first bucket to learn from (default: all history)
          --to ISO       the last bucket to learn from (default: all history)
          --config FILE  extra settings (JSON, same shape as appsettings.json)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["data", "from", "to", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, CancellationToken stop)
    {
        var anomaly = settings.Embedded().Processors.Anomaly;
        var data = line.Value("data") ?? settings.DataDirectory;
        var path = Path.Combine(data, "chdb");
        if (!Directory.Exists(path))
        {
            throw new UsageException($"There is no store under '{data}'. Run `./intelligence run --data {data}` first: it scores the KPI series this command learns from.");
        }

        var (from, to) = (Time(line, "from") ?? DateTimeOffset.MinValue, Time(line, "to") ?? DateTimeOffset.MaxValue);
        await using IAnalyticsStore store = ChdbStore.Open(path);
        var history = await HistoryAsync(store, SqlNames.RequireIdentifier(settings.Database, "database"), from, to, stop);
        if (history.Count == 0)
        {
            throw new UsageException("anomaly_scores holds no history in that window. Run `./intelligence run` first, or widen --from/--to.");
        }

        var trainedAt = DateTimeOffset.UtcNow;
        var families = new Dictionary<string, FamilyModel>(StringComparer.Ordinal);
        foreach (var family in anomaly.Scored)
        {
            var series = history.Where(s => s.Family == family.Name).ToList();
            var trained = ModelTrainer.Train(series, family.Adjust(anomaly.Scorer), new TrainingOptions(), trainedAt);
            if (trained.For(family.Name) is { } model)
            {
                families[family.Name] = model;
                System.Console.Out.WriteLine($"  {family.Name,-10} PCA rank {model.Components.Length} on {model.TrainingPoints:N0} feature vectors from {model.Series} series");
            }
            else
            {
                System.Console.Out.WriteLine($"  {family.Name,-10} too little history ({series.Sum(s => s.Points.Count):N0} buckets in {series.Count} series): stays on robust statistics (cold start)");
            }
        }

        var saved = ModelStore.Save(Path.Combine(data, "models"), new AnomalyModel
        {
            Version = 0,
            TrainedAt = trainedAt,
            DataFrom = history.Min(s => s.Points[0].At),
            DataTo = history.Max(s => s.Points[^1].At),
            Families = families,
        });
        System.Console.Out.WriteLine($"Saved anomaly model {saved.Label} ({saved.DataFrom:yyyy-MM-dd HH:mm} to {saved.DataTo:yyyy-MM-dd HH:mm}) "
            + $"as {ModelStore.PathOf(Path.Combine(data, "models"), saved.Version)}; the next run loads it.");
        return 0;
    }

    /// <summary>Every scored series in the window, in time order, with its family's kind.</summary>
    private static async Task<List<TrainingSeries>> HistoryAsync(
        IAnalyticsStore store, string database, DateTimeOffset from, DateTimeOffset to, CancellationToken stop)
    {
        var result = await store.QueryAsync(
            $"""
            SELECT family, entity, toUnixTimestamp64Milli(bucket), value
            FROM {database}.anomaly_scores FINAL
            WHERE bucket BETWEEN fromUnixTimestamp64Milli({"{from:Int64}"}) AND fromUnixTimestamp64Milli({"{to:Int64}"})
            ORDER BY family, entity, bucket
            """,
            "TabSeparated",
            new Dictionary<string, string>
            {
                ["from"] = Math.Max(from.ToUnixTimeMilliseconds(), 0).ToString(CultureInfo.InvariantCulture),
                ["to"] = Math.Min(to.ToUnixTimeMilliseconds(), 4_102_444_800_000).ToString(CultureInfo.InvariantCulture),
            },
            stop);
        return [.. result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(row => row.Split('\t'))
            .GroupBy(cells => (Family: cells[0], Entity: cells[1]))
            .Where(g => KpiFamilies.Named(g.Key.Family) is not null)
            .Select(g => new TrainingSeries(g.Key.Family, g.Key.Entity, KpiFamilies.Named(g.Key.Family)!.Kind,
                [.. g.Select(cells => (DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(cells[2], CultureInfo.InvariantCulture)),
                    double.Parse(cells[3], CultureInfo.InvariantCulture)))]))];
    }

    private static DateTimeOffset? Time(CommandLine line, string name) =>
        line.Value(name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new UsageException($"--{name} '{text}' is not a date-time; use ISO 8601 such as 2026-11-02T00:00:00Z.");
}
