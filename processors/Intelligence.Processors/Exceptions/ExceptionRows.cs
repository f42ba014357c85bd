using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Exceptions;

/// <summary>A row of <c>exceptions</c>: the latest state of one exception (its current occurrence).</summary>
public sealed record ExceptionRow(
    string ExceptionId, string Category, string EntityKind, string EntityId, string Status, string Severity, string Team,
    string? RoutingRule, long Priority, string? Channel, decimal? OrderValue, string? CustomerTier, string? Location,
    string? SupplierId, string? Sku, double Risk, string Detail, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset SlaDueAt, bool Breached, long EscalationLevel, DateTimeOffset? ResolvedAt, string? Resolution,
    double? ResolveSeconds, long Occurrences) : StateRow
{
    public const string TableName = "exceptions";

    public override string Table => TableName;

    public override string RowKey => ExceptionId;
}

/// <summary>A row of <c>exception_events</c>: one change of one exception (opened, updated, escalated, resolved).</summary>
public sealed record ExceptionEventRow(
    string ExceptionId, string Category, DateTimeOffset At, string Change, string Severity, string Team, long Occurrence,
    long EscalationLevel) : OutputRow
{
    public const string TableName = "exception_events";

    public override string Table => TableName;
}

/// <summary>The words of <see cref="ExceptionEventRow.Change"/>.</summary>
public static class ExceptionChanges
{
    public const string Opened = "opened";
    public const string Updated = "updated";
    public const string Escalated = "escalated";
    public const string Resolved = "resolved";
}
