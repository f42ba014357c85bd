using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Merchandising;

/// <summary>
/// The weekly price review: about one SKU in a hundred moves 5-10% up or down, in the product master
/// (when the rounded price really moves) and on every online listing.
/// </summary>
internal sealed class PriceReview : IHappening
{
    public void Happen(Simulation sim)
    {
        for (var i = 0; i < sim.Plan.PriceChangesPerReview; i++)
        {
            var sku = sim.Rng.Next(sim.Plan.Skus);
            var factor = 1 + (sim.Rng.Chance(0.5) ? 1 : -1) * (0.05m + (decimal)sim.Rng.NextDouble() * 0.05m);
            var before = sim.Prices.List(sku);
            sim.Prices.Change(sku, factor);
            if (sim.Prices.List(sku) != before)
            {
                ProductMaster.Publish(sim, sku);
            }

            for (var channel = 0; channel < SalesChannels.OnlineCount; channel++)
            {
                sim.Listings.Publish(sim, channel, sku);
            }
        }
    }
}
