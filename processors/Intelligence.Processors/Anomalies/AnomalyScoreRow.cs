using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// A row of <c>anomaly_scores</c>: one scored bucket of one KPI series, the history that
/// <c>./intelligence train</c> learns from and that dashboards chart against its expected band.
/// </summary>
public sealed record AnomalyScoreRow(
    string Family, string Metric, string Entity, DateTimeOffset Bucket, double Value, double Expected, double Deviation,
    double Score, bool Detected, string Basis, long Observations) : OutputRow
{
    public const string TableName = "anomaly_scores";

    public override string Table => TableName;
}
