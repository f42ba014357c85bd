using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Margin;

/// <summary>A row of <c>margin</c>: the running P&amp;L of a SKU × channel × promotion and the leakage components open on it.</summary>
public sealed record MarginRow(
    string Sku, string Category, string Channel, string PromotionId, long Units, long RefundedUnits, long RestockedUnits,
    decimal Revenue, decimal Discount, decimal NetRevenue, decimal Cogs, decimal Fees, decimal ShippingCharged,
    decimal ShippingCost, decimal Refunds, decimal Chargebacks, decimal Contribution, decimal? MarginPercent,
    IReadOnlyList<string> Leaks, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "margin";

    public override string Table => TableName;

    public override string RowKey => Catalogue.MarginEntry.KeyOf(Sku, Channel, PromotionId);
}
