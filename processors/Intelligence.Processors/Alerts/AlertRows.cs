using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Alerts;

/// <summary>A row of <c>alerts</c>: the latest state of one incident's alert.</summary>
public sealed record AlertRow(
    string AlertId, string Kind, string Source, string Status, string Severity, string Team, string Metric, string Entity,
    double Value, double Expected, double Deviation, double PeakDeviation, double Score, string Cause,
    IReadOnlyList<string> CauseEntities, string NextAction, string Detail, string Basis, DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? ResolvedAt, string? Resolution, long Reports, long Notices, long Occurrence) : StateRow
{
    public const string TableName = "alerts";

    public override string Table => TableName;

    public override string RowKey => AlertId;
}

/// <summary>
/// A row of <c>alert_notices</c>: one message about an alert (opened, updated, escalated,
/// resolved), what the webhook, the console and the alerts topic deliver. Rate limiting happens
/// before a notice is written, so every notice is meant to be delivered.
/// </summary>
public sealed record AlertNotice(
    string AlertId, long Sequence, string Change, DateTimeOffset At, string Kind, string Source, string Status,
    string Severity, string Team, string Metric, string Entity, double Value, double Expected, double Deviation,
    string Cause, IReadOnlyList<string> CauseEntities, string NextAction, string Detail, string Basis,
    DateTimeOffset OpenedAt, long Occurrence) : OutputRow
{
    public const string TableName = "alert_notices";

    public override string Table => TableName;

    /// <summary>Unique per notice, stable on replay: what a receiver deduplicates on.</summary>
    public string NoticeId => $"{AlertId}#{Occurrence}.{Sequence}";
}

/// <summary>The words of <see cref="AlertNotice.Change"/>.</summary>
public static class AlertChanges
{
    public const string Opened = "opened";
    public const string Updated = "updated";
    public const string Escalated = "escalated";
    public const string Resolved = "resolved";
}
