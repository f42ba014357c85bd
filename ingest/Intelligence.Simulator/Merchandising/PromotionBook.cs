namespace Intelligence.Simulator.Merchandising;

/// <summary>A price promotion running on one channel.</summary>
internal sealed record ActivePromotion(string PromotionId, int Channel, int[] Skus, decimal DiscountPercent, DateTimeOffset EndsAt)
{
    public bool Covers(int channel, int sku) => channel == Channel && Array.IndexOf(Skus, sku) >= 0;
}

/// <summary>The promotions running now. There are only ever a few, so a list is the fastest lookup.</summary>
internal sealed class PromotionBook
{
    private readonly List<ActivePromotion> _running = [];

    public void Start(ActivePromotion promotion) => _running.Add(promotion);

    public void End(string promotionId) => _running.RemoveAll(p => p.PromotionId == promotionId);

    public ActivePromotion? Covering(int channel, int sku)
    {
        foreach (var promotion in _running)
        {
            if (promotion.Covers(channel, sku))
            {
                return promotion;
            }
        }

        return null;
    }

    /// <summary>A promotion on the channel, if any, for shoppers who came for the deal.</summary>
    public ActivePromotion? OnChannel(int channel)
    {
        foreach (var promotion in _running)
        {
            if (promotion.Channel == channel)
            {
                return promotion;
            }
        }

        return null;
    }

    /// <summary>The price a channel shows for a SKU, promotion included.</summary>
    public decimal Price(PriceList prices, int channel, int sku)
    {
        var price = prices.For(sku, channel);
        return Covering(channel, sku) is { } promotion ? Money.Cents(price * (1 - promotion.DiscountPercent / 100)) : price;
    }
}
