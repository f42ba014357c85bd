using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Orders;
using Intelligence.Simulator;
using Xunit.Abstractions;

namespace Intelligence.Processors.Tests.Orders;

/// <summary>The orders area over a simulated week (70k events): what it raises, what stays open, and the 3PL backlog found.</summary>
public sealed class OrdersSimulationTests(ITestOutputHelper output)
{
    /// <summary>Each category the order fold raises, the resolutions it may end with, and how long the simulator can leave one open.</summary>
    private static readonly (string Category, string[] Resolutions, TimeSpan? LongestOpen)[] OrderCategories =
    [
        (ExceptionCategories.PaymentHold, ["released", "payment_authorized", "cancelled"], TimeSpan.FromHours(24)),
        (ExceptionCategories.AddressValidation, ["released", "cancelled"], TimeSpan.FromHours(24)),
        (ExceptionCategories.FraudReview, ["released", "cancelled"], TimeSpan.FromHours(24)),
        (ExceptionCategories.PartialAllocation, ["filled", "cancelled"], null),
        (ExceptionCategories.Backorder, ["allocated", "cancelled"], TimeSpan.FromHours(72)),
        (ExceptionCategories.SplitShipment, ["delivered"], TimeSpan.FromDays(6)),
        (ExceptionCategories.CarrierDelay, ["delivered"], TimeSpan.FromDays(5)),
        (ExceptionCategories.DamagedReturn, ["refunded"], TimeSpan.FromHours(60)),
    ];

    [Fact]
    public void Every_category_the_orders_raise_opens_and_resolves_with_its_own_resolution()
    {
        var run = SimulatedOrdersRun.Scenarios;
        Assert.Empty(run.Harness.Failures);
        foreach (var (category, resolutions, _) in OrderCategories)
        {
            var rows = run.Exceptions.Values.Where(e => e.Category == category).ToList();
            var opened = run.ExceptionEvents.Count(e => e.Category == category && e.Change == ExceptionChanges.Opened);
            output.WriteLine($"{category}: opened {opened}, open at the end {rows.Count(r => r.Status == "open")}, " +
                $"breached {rows.Count(r => r.Breached)}, resolutions " +
                string.Join(", ", rows.GroupBy(r => r.Resolution ?? "-").Select(g => $"{g.Key} {g.Count()}")));
            Assert.True(opened > 0, $"no {category} opened");
            Assert.Contains(rows, r => r.Status == "resolved");
            Assert.All(rows.Where(r => r.Resolution is not null), r => Assert.Contains(r.Resolution, resolutions));
        }
    }

    [Fact]
    public void What_stays_open_at_the_end_of_the_week_is_plausible()
    {
        var run = SimulatedOrdersRun.Scenarios;
        var open = run.Exceptions.Values.Where(e => e.Status == "open").ToList();
        foreach (var (category, _, longest) in OrderCategories.Where(c => c.LongestOpen is not null))
        {
            Assert.All(open.Where(e => e.Category == category), e => Assert.True(e.OpenedAt >= run.End - longest!.Value,
                $"{e.ExceptionId} open since {e.OpenedAt:o}, longer than the simulator ever leaves a {category}"));
        }

        // The simulator never cancels the rest of a partly allocated line: those stay open, and must be lines still short.
        var orders = run.Harness.Engine.Store("orders");
        Assert.All(open.Where(e => e.Category == ExceptionCategories.PartialAllocation), e =>
        {
            var (orderId, lineId) = (e.EntityId.Split('/')[0], e.EntityId.Split('/')[1]);
            var line = ((OrderState)orders[orderId]).Lines[lineId];
            Assert.True(line.Allocated < line.Ordered && !line.Cancelled, $"{e.ExceptionId} is open for a line that is not short");
        });
        // Holds are settled within hours: only those raised near the end of the run may still be open.
        var holds = run.Exceptions.Values.Where(e => e.Category is "payment_hold" or "address_validation" or "fraud_review").ToList();
        var openHolds = holds.Count(e => e.Status == "open");
        Assert.True(openHolds <= Math.Max(3, holds.Count / 20), $"{openHolds} of {holds.Count} holds still open");
    }

    [Fact]
    public void The_3pl_backlog_opens_node_backlog_for_that_node_inside_its_window_and_a_recommendation_names_it()
    {
        var run = SimulatedOrdersRun.Scenarios;
        var truth = run.Truth.Single(t => t.Scenario == Scenario.ThreePlBacklog);
        var id = ExceptionRaised.IdOf(ExceptionCategories.NodeBacklog, truth.EntityId);
        var openings = run.ExceptionEvents.Where(e => e.ExceptionId == id && e.Change == ExceptionChanges.Opened).Select(e => e.At).ToList();
        output.WriteLine($"{truth.EntityId} backlog window {truth.StartsAt:o} to {truth.EndsAt:o}; node_backlog opened at " +
            string.Join(", ", openings.Select(o => o.ToString("o"))));

        Assert.Contains(openings, at => at >= truth.StartsAt && at <= truth.EndsAt);
        var named = run.Recommendations.Where(r => r.FromNode == truth.EntityId && r.Active && r.At >= truth.StartsAt && r.At <= truth.EndsAt).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, r => Assert.True(r.LinesPerHour > 0 && r.ToNode != truth.EntityId));
        output.WriteLine(named[0].Detail);
    }

    [Fact]
    public void A_clean_week_rarely_raises_node_backlog()
    {
        var run = SimulatedOrdersRun.NoScenarios;
        var raised = run.ExceptionEvents.Count(e => e.Category == ExceptionCategories.NodeBacklog && e.Change == ExceptionChanges.Opened);
        output.WriteLine($"node_backlog opened {raised} times in a clean week; routing recommendations written: {run.Recommendations.Count()}");

        Assert.True(raised <= 1, $"{raised} node_backlog exceptions in a week with no scenario");
    }

    [Fact]
    public void The_order_counts_agree_with_the_order_rows()
    {
        var run = SimulatedOrdersRun.Scenarios;
        var orders = run.Harness.Latest<OrderRow>().Values.ToList();
        var kpis = run.Harness.RowsOf<KpiCount>().ToList();
        double Sum(string metric) => kpis.Where(k => k.Metric == metric).Sum(k => k.Value);
        output.WriteLine($"orders {orders.Count}: {string.Join(", ", orders.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine($"delivered on time {Sum("orders_delivered_on_time")} of {Sum("orders_delivered")}; " +
            $"mean cycle {Sum("order_cycle_hours") / Sum("orders_delivered"):0.0} h");

        Assert.Equal(orders.Count, Sum("orders_placed"));
        Assert.Equal(orders.Sum(o => o.UnitsOrdered), Sum("units_ordered"));
        Assert.Equal(orders.Sum(o => o.UnitsShipped), Sum("units_shipped"));
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.Delivered), Sum("orders_delivered"));
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.Cancelled), Sum("orders_cancelled"));
        Assert.Equal(orders.Count(o => o.OnTime == true), Sum("orders_delivered_on_time"));
        Assert.All(run.Exceptions.Values, e => Assert.Equal(e.Status == "open", e.ResolvedAt is null));
    }

    [Fact]
    public void Every_node_ends_the_week_with_figures()
    {
        var nodes = SimulatedOrdersRun.Scenarios.Harness.Latest<NodeRow>();
        foreach (var n in nodes.Values.OrderBy(n => n.Location))
        {
            output.WriteLine($"{n.Location}: backlog {n.BacklogLines} lines, pick delay {n.PickDelayMinutes} min (p90 {n.PickDelayHighMinutes}), " +
                $"{n.ThroughputPerHour} lines/h, capacity {n.CapacityPerHour}, picked {n.LinesPicked}");
        }

        Assert.Equal(15, nodes.Count);
        Assert.All(nodes.Values, n => Assert.True(n.LinesPicked > 0 && n.CapacityPerHour > 0));
    }
}
