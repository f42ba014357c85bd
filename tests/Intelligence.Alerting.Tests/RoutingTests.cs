namespace Intelligence.Alerting.Tests;

/// <summary>Which routes take a notice: its severity against the route's minimum, its team and its kind.</summary>
public sealed class RoutingTests
{
    private static async Task<IReadOnlyDictionary<string, RouteCounts>> OfferAsync(AlertingOptions options)
    {
        await using var dispatcher = new AlertDispatcher(options, new CapturedLog());
        dispatcher.Offer(
        [
            NoticeBuilder.Notice(0, severity: "low", team: "planners", kind: "demand_spike"),
            NoticeBuilder.Notice(1, severity: "medium", team: "store_ops", kind: "sla_breach"),
            NoticeBuilder.Notice(2, severity: "high", team: "buyers", kind: "lead_time_slip"),
            NoticeBuilder.Notice(3, severity: "critical", team: "store_ops", kind: "stockout"),
            NoticeBuilder.Notice(4, severity: "low", team: "buyers", kind: "lead_time_slip"),
        ]);
        return await dispatcher.CompleteAsync(TestAlerting.Bound).WaitAsync(TestAlerting.Bound);
    }

    [Fact]
    public async Task Severity_thresholds_teams_and_kinds_pick_the_routes()
    {
        var counts = await OfferAsync(TestAlerting.Options(
            TestAlerting.Console("everything"),
            TestAlerting.Console("urgent", minimumSeverity: "high"),
            TestAlerting.Console("stores", teams: ["store_ops"]),
            TestAlerting.Console("supply", minimumSeverity: "medium", kinds: ["lead_time_slip", "STOCKOUT"]),
            TestAlerting.Console("store_critical", minimumSeverity: "critical", teams: ["store_ops"], kinds: ["stockout"])));

        Assert.Equal(5, counts["everything"].Offered);
        Assert.Equal(2, counts["urgent"].Offered);
        Assert.Equal(2, counts["stores"].Offered);
        Assert.Equal(2, counts["supply"].Offered);
        Assert.Equal(1, counts["store_critical"].Offered);
        Assert.All(counts.Values, c => Assert.Equal(c.Offered, c.Delivered));
    }

    [Fact]
    public async Task With_no_routes_configured_medium_and_up_go_to_the_console()
    {
        var counts = await OfferAsync(new AlertingOptions());

        var route = Assert.Single(counts.Values);
        Assert.Equal((AlertChannels.Console, AlertChannels.Console, 3L), (route.Route, route.Channel, route.Offered));
    }
}
