using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Margin;

/// <summary>The running profit and loss of one SKU on one channel under one promotion (or none).</summary>
public sealed class MarginState : FoldState
{
    public string Sku { get; set; } = "";
    public string Category { get; set; } = "";
    public string Channel { get; set; } = "";
    public string PromotionId { get; set; } = "";
    public long Units { get; set; }
    public long RefundedUnits { get; set; }
    public long RestockedUnits { get; set; }
    public decimal Revenue { get; set; }
    public decimal Discount { get; set; }
    public decimal Cogs { get; set; }
    public decimal Fees { get; set; }
    public decimal ShippingCharged { get; set; }
    public decimal ShippingCost { get; set; }
    public decimal Refunds { get; set; }
    public decimal Chargebacks { get; set; }

    /// <summary>The leakage components open now (<see cref="LeakComponents"/>).</summary>
    public List<string> Leaks { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    public decimal NetRevenue => Revenue - Discount;

    /// <summary>Net revenue + shipping charged − COGS − fees − shipping cost − refunds − chargebacks.</summary>
    public decimal Contribution => NetRevenue + ShippingCharged - Cogs - Fees - ShippingCost - Refunds - Chargebacks;

    /// <summary>Contribution as a % of net revenue, to 2 places; null before any net revenue.</summary>
    public decimal? MarginPercent => NetRevenue > 0m ? decimal.Round(Contribution / NetRevenue * 100m, 2) : null;
}
