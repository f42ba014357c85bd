using Intelligence.Anomaly.Scoring;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// A kind of KPI series that is scored for anomalies, and what an anomaly of it means: which way is
/// bad (<see cref="Direction"/>: +1 up, −1 down), the least excess worth an alert, who owns it and
/// what they should do. <see cref="Bucket"/> zero scores every observation as a point.
/// </summary>
public sealed record KpiFamily(
    string Name,
    string Metric,
    SeriesKind Kind,
    BucketAggregation Aggregation,
    TimeSpan Bucket,
    int Direction,
    double MinimumExcess,
    string AlertKind,
    string Team,
    string Action)
{
    /// <summary>Changes to the common scorer settings this family needs (a sparse series warms up sooner).</summary>
    public Func<ScorerOptions, ScorerOptions> Adjust { get; init; } = options => options;

    /// <summary>Which way a driver's amount moves when it drives the KPI the bad way (+1 more, −1 less); the family's direction unless set.</summary>
    public int? DriverDirection { get; init; }

    public int DriverSign => DriverDirection ?? Direction;

    /// <summary>Kinds of driver (<c>promotion</c>) whose sudden surge opens an incident before the averaged score has climbed.</summary>
    public IReadOnlyList<string> SurgeDrivers { get; init; } = [];

    public bool IsPointwise => Bucket == TimeSpan.Zero;

    public DateTimeOffset BucketOf(DateTimeOffset at) =>
        IsPointwise ? at : new DateTimeOffset(at.UtcTicks - (at.UtcTicks % Bucket.Ticks), TimeSpan.Zero);
}
