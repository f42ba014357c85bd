using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Merchandising;

/// <summary>One promotion from start to end: announced, priced into the listings, then withdrawn.</summary>
internal sealed class PromotionRun(ActivePromotion promotion) : IHappening
{
    private bool _started;

    public void Happen(Simulation sim)
    {
        var channelName = SalesChannels.All[promotion.Channel];
        if (!_started)
        {
            _started = true;
            sim.Promotions.Start(promotion);
            var skus = new string[promotion.Skus.Length];
            for (var i = 0; i < skus.Length; i++)
            {
                skus[i] = sim.SkuIds[promotion.Skus[i]];
            }

            sim.Emit(EventTypes.PromotionStarted, Sources.Channel(promotion.Channel), promotion.PromotionId, new PromotionStarted
            {
                PromotionId = promotion.PromotionId,
                Channel = channelName,
                Skus = skus,
                DiscountPercent = promotion.DiscountPercent,
                EndsAt = promotion.EndsAt,
            });
            Republish(sim);
            sim.Timeline.At(promotion.EndsAt, this);
            return;
        }

        sim.Promotions.End(promotion.PromotionId);
        sim.Emit(EventTypes.PromotionEnded, Sources.Channel(promotion.Channel), promotion.PromotionId,
            new PromotionEnded { PromotionId = promotion.PromotionId, Channel = channelName });
        Republish(sim);
    }

    private void Republish(Simulation sim)
    {
        if (promotion.Channel >= SalesChannels.OnlineCount)
        {
            return;
        }

        foreach (var sku in promotion.Skus)
        {
            sim.Listings.Publish(sim, promotion.Channel, sku);
        }
    }
}
