namespace Intelligence.Processors.Flow;

/// <summary>
/// A count or amount that adds up within a minute (orders placed, units returned, revenue): rows of
/// <c>kpi_minute</c>, a SummingMergeTree. <paramref name="Entity"/> is what the series is about, as
/// <c>kind:id</c> (<c>channel:webstore</c>, <c>node:DC-EAST</c>, <c>sku-channel:SKU-00012@webstore</c>).
/// </summary>
public sealed record KpiCount(string Metric, string Entity, DateTimeOffset Minute, double Value) : OutputRow
{
    public const string TableName = "kpi_minute";

    public override string Table => TableName;

    public long Samples { get; init; } = 1;

    public static KpiCount Of(string metric, string entity, DateTimeOffset at, double value) =>
        new(metric, entity, KpiTime.Minute(at), value);
}

/// <summary>
/// A level at a moment (backlog, ATS, open exceptions): the last value seen in each minute, rows of
/// <c>kpi_level_minute</c> (ReplacingMergeTree on the observation time).
/// </summary>
public sealed record KpiLevel(string Metric, string Entity, DateTimeOffset Minute, double Value, DateTimeOffset ObservedAt) : OutputRow
{
    public const string TableName = "kpi_level_minute";

    public override string Table => TableName;

    public static KpiLevel Of(string metric, string entity, DateTimeOffset at, double value) =>
        new(metric, entity, KpiTime.Minute(at), value, at);
}

public static class KpiTime
{
    public static DateTimeOffset Minute(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
