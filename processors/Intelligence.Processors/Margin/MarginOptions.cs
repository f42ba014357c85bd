namespace Intelligence.Processors.Margin;

/// <summary>
/// When margin leaks: the floor for margin % and the ceilings for the shares of revenue that
/// discounts, fees, refunds and unrecovered shipping take, judged once an entity has enough revenue.
/// All figures are percentages.
/// </summary>
public sealed record MarginOptions
{
    /// <summary>Net revenue (EUR) an entity (SKU × channel × promotion) must reach before leakage is judged. Default 200.</summary>
    public decimal MinimumRevenue { get; init; } = 200m;

    /// <summary>Contribution margin below this % of net revenue leaks. Default 10.</summary>
    public decimal MarginFloorPercent { get; init; } = 10m;

    /// <summary>Discounts above this % of gross revenue leak. Default 25 (ordinary promotions give 10–25%).</summary>
    public decimal DiscountCeilingPercent { get; init; } = 25m;

    /// <summary>Channel and payment fees above this % of net revenue leak. Default 20.</summary>
    public decimal FeeCeilingPercent { get; init; } = 20m;

    /// <summary>Refunds above this % of net revenue leak. Default 15.</summary>
    public decimal RefundCeilingPercent { get; init; } = 15m;

    /// <summary>Shipping cost not recovered from the customer (cost − charged) above this % of net revenue leaks. Default 10.</summary>
    public decimal ShippingSubsidyCeilingPercent { get; init; } = 10m;

    /// <summary>
    /// How long a promotion's figures (SKU × channel × promotion) are kept after their last entry:
    /// past it, the state is deleted and its last row stands. Default 180 days, beyond the return and
    /// chargeback windows; 1 to 3,650 days. The figures without a promotion are kept.
    /// </summary>
    public TimeSpan RetainPromotionFor { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Each invalid setting, named with its valid range; empty when the options can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (Flow.Retention.Problem(nameof(RetainPromotionFor), RetainPromotionFor) is { } retention)
        {
            yield return retention;
        }

        if (MinimumRevenue is < 0m or > 10_000_000m)
        {
            yield return $"MinimumRevenue must be from 0 to 10000000 (is {MinimumRevenue}).";
        }

        if (MarginFloorPercent is < -100m or > 100m)
        {
            yield return $"MarginFloorPercent must be from -100 to 100 (is {MarginFloorPercent}).";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(DiscountCeilingPercent), DiscountCeilingPercent), (nameof(FeeCeilingPercent), FeeCeilingPercent),
            (nameof(RefundCeilingPercent), RefundCeilingPercent), (nameof(ShippingSubsidyCeilingPercent), ShippingSubsidyCeilingPercent),
        })
        {
            if (value is < 0m or > 100m)
            {
                yield return $"{name} must be from 0 to 100 (is {value}).";
            }
        }
    }
}
