using Intelligence.Contracts.Channel;

namespace Intelligence.Simulator.Tests;

public class SeasonalityTests
{
    private static readonly HashSet<string> Online = ["webstore", "marketplace-amz", "marketplace-ebay"];

    private static ObservedRun Run => ObservedRun.Busy(200_000);

    [Fact]
    public void Evening_hours_take_more_orders_than_the_small_hours()
    {
        var byHour = OnlineOrders().GroupBy(o => o.Hour).ToDictionary(g => g.Key, g => g.Count());

        var evening = (byHour[19] + byHour[20] + byHour[21]) / 3.0;
        var smallHours = (byHour[3] + byHour[4] + byHour[5]) / 3.0;
        Assert.True(evening > 5 * smallHours, $"{evening:F0} orders an evening hour against {smallHours:F0} in the small hours");
    }

    [Fact]
    public void Weekends_lift_online_orders()
    {
        var byDay = OnlineOrders().GroupBy(o => o.Date).ToDictionary(g => g.Key, g => g.Count());
        var fullDays = byDay.Where(d => d.Key > Run.Start.Date && d.Key < Run.End.Date).ToList();

        var weekend = fullDays.Where(d => d.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(d => d.Value);
        var weekday = fullDays.Where(d => d.Key.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Average(d => d.Value);
        Assert.True(weekend > 1.1 * weekday, $"{weekend:F0} orders a weekend day against {weekday:F0} a weekday");
    }

    [Fact]
    public void Stores_only_trade_in_opening_hours()
    {
        var storeHours = Run.Events<OrderPlaced>().Where(o => o.Payload.Channel == "stores").Select(o => o.Event.OccurredAt.Hour).ToHashSet();

        Assert.All(storeHours, hour => Assert.InRange(hour, 9, 19));
    }

    [Fact]
    public void Every_channel_sells()
    {
        var channels = Run.Payloads<OrderPlaced>().GroupBy(o => o.Channel!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["marketplace-amz", "marketplace-ebay", "stores", "webstore", "wholesale"], channels.Keys.Order());
        Assert.True(channels["webstore"] > channels["marketplace-ebay"]);
        Assert.True(channels["wholesale"] < channels["marketplace-ebay"] / 4);
    }

    /// <summary>Online orders, leaving out the flash sale's rush so it does not pass for seasonality.</summary>
    private static IEnumerable<DateTimeOffset> OnlineOrders() =>
        Run.Events<OrderPlaced>()
            .Where(o => Online.Contains(o.Payload.Channel!) && o.Payload.PromotionId != "PROMO-FLASH-01")
            .Select(o => o.Event.OccurredAt);
}
