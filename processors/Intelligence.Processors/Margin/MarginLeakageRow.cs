using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Margin;

/// <summary>
/// A row of <c>margin_leakage</c> (append-only): a leak opening or closing on a SKU × channel ×
/// promotion. <see cref="Percent"/> is the component's figure (margin %, or the share of revenue it
/// takes) against <see cref="LimitPercent"/> (the floor or ceiling), with the entity's figures then.
/// </summary>
public sealed record MarginLeakageRow(
    string Sku, string Category, string Channel, string PromotionId, string Component, string State, decimal Percent,
    decimal LimitPercent, decimal Revenue, decimal NetRevenue, decimal Contribution, decimal? MarginPercent, DateTimeOffset At) : OutputRow
{
    public const string TableName = "margin_leakage";

    public override string Table => TableName;
}
