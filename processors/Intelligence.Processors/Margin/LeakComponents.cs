namespace Intelligence.Processors.Margin;

/// <summary>
/// The ways margin leaks and how each is measured. A component leaks when its figure passes its
/// limit, and only once the entity's net revenue reaches <see cref="MarginOptions.MinimumRevenue"/>.
/// </summary>
public static class LeakComponents
{
    /// <summary>Margin % (contribution / net revenue) below the floor.</summary>
    public const string Margin = "margin";

    /// <summary>Discount / gross revenue above the ceiling.</summary>
    public const string Discount = "discount";

    /// <summary>Fees / net revenue above the ceiling.</summary>
    public const string Fees = "fees";

    /// <summary>Refunds / net revenue above the ceiling.</summary>
    public const string Refunds = "refunds";

    /// <summary>(Shipping cost − shipping charged) / net revenue above the ceiling.</summary>
    public const string ShippingSubsidy = "shipping_subsidy";

    /// <summary>Every component with its figure and limit (percent) and whether it leaks now; empty below the minimum revenue.</summary>
    public static IReadOnlyList<(string Component, decimal Percent, decimal Limit, bool Leaking)> Judge(MarginState s, MarginOptions options)
    {
        var net = s.NetRevenue;
        if (net < options.MinimumRevenue || net <= 0m)
        {
            return [];
        }

        var margin = s.MarginPercent!.Value;
        var discount = Percent(s.Discount, s.Revenue);
        var fees = Percent(s.Fees, net);
        var refunds = Percent(s.Refunds, net);
        var subsidy = Percent(s.ShippingCost - s.ShippingCharged, net);
        return
        [
            (Margin, margin, options.MarginFloorPercent, margin < options.MarginFloorPercent),
            (Discount, discount, options.DiscountCeilingPercent, discount > options.DiscountCeilingPercent),
            (Fees, fees, options.FeeCeilingPercent, fees > options.FeeCeilingPercent),
            (Refunds, refunds, options.RefundCeilingPercent, refunds > options.RefundCeilingPercent),
            (ShippingSubsidy, subsidy, options.ShippingSubsidyCeilingPercent, subsidy > options.ShippingSubsidyCeilingPercent),
        ];
    }

    private static decimal Percent(decimal part, decimal whole) => whole > 0m ? decimal.Round(part / whole * 100m, 2) : 0m;
}
