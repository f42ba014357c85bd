using System.Globalization;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Scenarios;

/// <summary>
/// A marketplace runs a flash sale on a few best sellers. Demand for them on that channel jumps so far
/// that it would take more than the stock the channel is allowed to show: an oversell in the making.
/// </summary>
internal sealed class FlashPromotionPlan
{
    public const string PromotionId = "PROMO-FLASH-01";

    /// <summary>The rush is sized, when the sale starts, to order this many times what the channel then lists.</summary>
    public const double RushVersusListed = 1.3;

    /// <summary>However much is listed, the rush is at least this many times the usual demand.</summary>
    public const double MinimumMultiplier = 15;

    public FlashPromotionPlan(Random rng, Catalogue catalogue, RunPlan plan)
    {
        var start = ScenarioWindow.NextHour(plan.At(0.35), 18);
        var length = TimeSpan.FromHours(Math.Round(Math.Clamp(plan.Span.TotalHours * 0.04, 8, 36)));
        Window = new ScenarioWindow(start, start + length);
        Channel = rng.NextDouble() < 0.7 ? SalesChannels.Amazon : SalesChannels.Ebay;
        DiscountPercent = 30 + 5 * rng.Next(3);

        var assortment = catalogue.Assortment;
        var ranks = new List<int>();
        while (ranks.Count < Math.Min(4, plan.Skus / 5))
        {
            var rank = rng.Next(3, Math.Min(40, plan.Skus));
            if (!ranks.Contains(rank))
            {
                ranks.Add(rank);
            }
        }

        Skus = [.. ranks.Select(r => assortment.ByRank[r])];
        BaselineOrdersPerHour = [.. Skus.Select(s => plan.OrdersPerDay * SalesChannels.OrderShare[Channel] * RunPlan.RetailLinesPerOrder * assortment.Popularity[s] / 24)];

        var skuIds = string.Join(',', Skus.Select(s => catalogue.Skus[s].Id));
        Truth = new ScenarioTruth(
            Scenario.FlashPromotion, "promotion", PromotionId,
            $"Flash promotion on {SalesChannels.All[Channel]} for {skuIds}: {DiscountPercent}% off; orders for them rush in past the stock the channel may show.",
            Window.StartsAt, Window.EndsAt,
            new Dictionary<string, string>
            {
                ["promotionId"] = PromotionId,
                ["channel"] = SalesChannels.All[Channel],
                ["skus"] = skuIds,
                ["discountPercent"] = DiscountPercent.ToString(CultureInfo.InvariantCulture),
                ["baselineOrdersPerHour"] = BaselineOrdersPerHour.Sum().ToString("F2", CultureInfo.InvariantCulture),
                ["rushVersusListed"] = RushVersusListed.ToString(CultureInfo.InvariantCulture),
                ["minimumMultiplier"] = MinimumMultiplier.ToString(CultureInfo.InvariantCulture),
            });
    }

    public ScenarioWindow Window { get; }

    public int Channel { get; }

    public int DiscountPercent { get; }

    public int[] Skus { get; }

    /// <summary>Orders per hour each SKU usually gets on the channel.</summary>
    public double[] BaselineOrdersPerHour { get; }

    public ScenarioTruth Truth { get; }

    /// <summary>The rush for one SKU: enough orders to take <see cref="RushVersusListed"/> times what is listed, spread over the window.</summary>
    public double RushOrdersPerHour(int index, int listed) =>
        Math.Max(MinimumMultiplier * BaselineOrdersPerHour[index],
            RushVersusListed * listed / RunPlan.RetailUnitsPerLine / (Window.EndsAt - Window.StartsAt).TotalHours);
}
