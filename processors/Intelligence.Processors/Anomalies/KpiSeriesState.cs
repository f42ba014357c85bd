using Intelligence.Anomaly.Scoring;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// One KPI series: the open bucket (its sum, weight, last value and drivers), the scorer's bounded
/// memory, each driver's usual amount per bucket (at most <see cref="KpiSeriesState.MaxDrivers"/>),
/// and whether an incident is open.
/// </summary>
public sealed class KpiSeriesState : FoldState
{
    public const int MaxDrivers = 64;

    public string Family { get; set; } = "";
    public string Entity { get; set; } = "";

    public DateTimeOffset? BucketStart { get; set; }
    public double Sum { get; set; }
    public double Weight { get; set; }
    public double Last { get; set; }
    public long Observations { get; set; }
    public Dictionary<string, double> Drivers { get; set; } = [];
    public string? Note { get; set; }

    /// <summary>The level carried into empty buckets of a <see cref="BucketAggregation.Last"/> series.</summary>
    public double? CarriedLevel { get; set; }

    /// <summary>Each driver's exponentially weighted amount per bucket: what it usually brings.</summary>
    public Dictionary<string, double> UsualDrivers { get; set; } = [];

    public SeriesScorerState Scorer { get; set; } = new();

    public long BucketsScored { get; set; }
    public long LateObservations { get; set; }
    public DateTimeOffset? LastScoredBucket { get; set; }

    public bool IncidentOpen { get; set; }
    public DateTimeOffset? IncidentSince { get; set; }
}
