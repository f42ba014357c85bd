using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Orders;
using Intelligence.Simulator.Scenarios;

namespace Intelligence.Simulator.Merchandising;

/// <summary>
/// The flash-promotion scenario: the marketplace promotion starts, shoppers pile in for the promoted
/// SKUs far beyond normal demand (and beyond what the channel lists), and the channel's listing is
/// refreshed hourly as stock drains.
/// </summary>
internal sealed class FlashSale(FlashPromotionPlan plan) : IHappening
{
    private bool _started;

    public void Happen(Simulation sim)
    {
        if (!_started)
        {
            _started = true;
            var promotion = new ActivePromotion(FlashPromotionPlan.PromotionId, plan.Channel, plan.Skus, plan.DiscountPercent, plan.Window.EndsAt);
            new PromotionRun(promotion).Happen(sim);
            var rates = new double[plan.Skus.Length];
            for (var i = 0; i < rates.Length; i++)
            {
                rates[i] = plan.RushOrdersPerHour(i, ListingFeed.Listable(sim, plan.Channel, plan.Skus[i]));
            }

            var rush = new FlashRush(plan, rates);
            sim.Timeline.At(rush.Next(sim), rush);
        }
        else
        {
            foreach (var sku in plan.Skus)
            {
                sim.Listings.Publish(sim, plan.Channel, sku);
            }
        }

        var refresh = sim.Now.AddHours(1);
        if (refresh < plan.Window.EndsAt)
        {
            sim.Timeline.At(refresh, this);
        }
    }

    /// <summary>The extra orders the promotion draws, at a steady rate per SKU while it runs.</summary>
    private sealed class FlashRush(FlashPromotionPlan plan, double[] ordersPerHour) : IHappening
    {
        private readonly double _perSecond = ordersPerHour.Sum() / 3600;

        public DateTimeOffset Next(Simulation sim) => sim.Now.AddSeconds(-Math.Log(1.0 - sim.Rng.NextDouble()) / _perSecond);

        public void Happen(Simulation sim)
        {
            var roll = sim.Rng.NextDouble() * _perSecond * 3600;
            var pick = 0;
            while (pick < plan.Skus.Length - 1 && (roll -= ordersPerHour[pick]) > 0)
            {
                pick++;
            }

            OrderDesk.Place(sim, plan.Channel, plan.Skus[pick]);
            var next = Next(sim);
            if (next < plan.Window.EndsAt)
            {
                sim.Timeline.At(next, this);
            }
        }
    }
}
