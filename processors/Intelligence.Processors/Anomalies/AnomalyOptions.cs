using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;

namespace Intelligence.Processors.Anomalies;

/// <summary>Settings of the anomaly scoring of the KPI streams; configuration section <c>Processors:Anomaly</c>.</summary>
public sealed record AnomalyOptions
{
    /// <summary>The families scored (default all: demand, backlog, lead_time, returns, margin). An empty list scores none.</summary>
    public IReadOnlyList<string> Families { get; init; } = [.. KpiFamilies.All.Select(f => f.Name)];

    /// <summary>The scorer's settings, one configuration for every series.</summary>
    public ScorerOptions Scorer { get; init; } = new();

    /// <summary>How long past its end a bucket waits for late observations before it is scored. Default 30 minutes (marketplace feeds and partitions run minutes behind).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Empty buckets filled (as 0 or the last level) when a series jumps ahead; older gaps are skipped. Default 48.</summary>
    public int MaxGapBuckets { get; init; } = 48;

    /// <summary>Absolute deviation (robust standard deviations) from which an anomaly alert is high. Default 8.</summary>
    public double HighDeviation { get; init; } = 8;

    /// <summary>Absolute deviation from which it is critical. Default 20.</summary>
    public double CriticalDeviation { get; init; } = 20;

    /// <summary>The trained models, loaded at start by the host (not from configuration); null scores on robust statistics alone.</summary>
    public AnomalyModel? Model { get; init; }

    public IEnumerable<KpiFamily> Scored => KpiFamilies.All.Where(f => Families.Contains(f.Name));

    public IEnumerable<string> Problems()
    {
        foreach (var name in Families.Where(n => KpiFamilies.Named(n) is null))
        {
            yield return $"Processors:Anomaly:Families names '{name}', which is not a family ({string.Join(", ", KpiFamilies.All.Select(f => f.Name))}).";
        }

        if (Grace < TimeSpan.Zero) yield return "Processors:Anomaly:Grace cannot be negative.";
        if (MaxGapBuckets < 0) yield return "Processors:Anomaly:MaxGapBuckets cannot be negative.";
        if (HighDeviation <= 0 || CriticalDeviation < HighDeviation) yield return "Processors:Anomaly:HighDeviation must be positive and CriticalDeviation at least as high.";
        foreach (var problem in Scorer.Problems())
        {
            yield return "Processors:" + problem;
        }
    }
}
