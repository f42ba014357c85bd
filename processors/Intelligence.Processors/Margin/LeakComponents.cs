using System.Runtime.CompilerServices;

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

    /// <summary>
    /// Every component with its figure and limit (percent) and whether it leaks now, held inline (no array
    /// per judgement: it runs on every margin entry); false, and nothing judged, below the minimum revenue.
    /// </summary>
    public static bool Judge(MarginState s, MarginOptions options, out LeakFigures figures)
    {
        figures = default;
        var net = s.NetRevenue;
        if (net < options.MinimumRevenue || net <= 0m)
        {
            return false;
        }

        var margin = s.MarginPercent!.Value;
        var discount = Percent(s.Discount, s.Revenue);
        var fees = Percent(s.Fees, net);
        var refunds = Percent(s.Refunds, net);
        var subsidy = Percent(s.ShippingCost - s.ShippingCharged, net);
        figures[0] = new(Margin, margin, options.MarginFloorPercent, margin < options.MarginFloorPercent);
        figures[1] = new(Discount, discount, options.DiscountCeilingPercent, discount > options.DiscountCeilingPercent);
        figures[2] = new(Fees, fees, options.FeeCeilingPercent, fees > options.FeeCeilingPercent);
        figures[3] = new(Refunds, refunds, options.RefundCeilingPercent, refunds > options.RefundCeilingPercent);
        figures[4] = new(ShippingSubsidy, subsidy, options.ShippingSubsidyCeilingPercent, subsidy > options.ShippingSubsidyCeilingPercent);
        return true;
    }

    private static decimal Percent(decimal part, decimal whole) => whole > 0m ? decimal.Round(part / whole * 100m, 2) : 0m;
}

/// <summary>One component's figure and limit (percent), and whether it leaks.</summary>
public readonly record struct LeakFigure(string Component, decimal Percent, decimal Limit, bool Leaking);

/// <summary>The five components' figures, in the order <see cref="LeakComponents"/> lists them.</summary>
[InlineArray(5)]
public struct LeakFigures
{
    private LeakFigure _first;
}
