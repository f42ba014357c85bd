using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Merchandising;

/// <summary>
/// The routine trading calendar, booked a week at a time: a webstore weekend sale (Friday evening to
/// Monday morning) on a dozen lines, an eBay midweek deal on three, and a Monday price review.
/// </summary>
internal sealed class PromotionCalendar(Simulation sim) : IHappening
{
    private DateTimeOffset _bookedUntil = sim.Plan.Start;

    public void Happen(Simulation sim)
    {
        var from = _bookedUntil;
        _bookedUntil = from.AddDays(7);
        var rng = sim.Rng;

        var weekendStart = Calendar.Next(from, DayOfWeek.Friday, 17);
        Book(sim, SalesChannels.Webstore, weekendStart, Calendar.Next(weekendStart, DayOfWeek.Monday, 6),
            8 + rng.Next(8), 10 + 5 * rng.Next(3), topRanks: 400);

        var dealStart = Calendar.Next(from, DayOfWeek.Wednesday, 10);
        Book(sim, SalesChannels.Ebay, dealStart, dealStart.AddHours(12), 3, 25, topRanks: 200);

        sim.Timeline.At(Calendar.Next(from, DayOfWeek.Monday, 7), new PriceReview());
        sim.Timeline.At(_bookedUntil, this);
    }

    private static void Book(Simulation sim, int channel, DateTimeOffset start, DateTimeOffset end, int count, int percent, int topRanks)
    {
        var skus = new List<int>(count);
        for (var attempt = 0; skus.Count < count && attempt < count * 10; attempt++)
        {
            var sku = sim.Assortment.DrawSku(sim.Rng, Math.Min(topRanks, sim.Plan.Skus));
            if (!skus.Contains(sku) && !sim.Scenarios.Flash.Skus.Contains(sku))
            {
                skus.Add(sku);
            }
        }

        var promotion = new ActivePromotion(sim.Ids.Next(Document.Promotion), channel, [.. skus], percent, end);
        sim.Timeline.At(start, new PromotionRun(promotion));
    }
}
