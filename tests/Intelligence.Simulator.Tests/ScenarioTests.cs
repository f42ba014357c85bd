using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;

namespace Intelligence.Simulator.Tests;

/// <summary>Each scenario is written to the ground truth and its effect shows in the events, in small runs as in large ones.</summary>
public class ScenarioTests
{
    public static TheoryData<long> Sizes => [20_000, 200_000];

    [Fact]
    public void Ground_truth_lists_exactly_the_enabled_scenarios_before_generation()
    {
        var none = new RetailSimulator(new SimulationOptions());
        var two = new RetailSimulator(new SimulationOptions { Scenarios = new HashSet<Scenario> { Scenario.HighReturnRate, Scenario.FlashPromotion } });

        Assert.Empty(none.GroundTruth);
        Assert.Equal([Scenario.FlashPromotion, Scenario.HighReturnRate], two.GroundTruth.Select(t => t.Scenario).Order());
    }

    [Fact]
    public void Ground_truth_names_the_entity_each_scenario_is_about()
    {
        var simulator = ObservedRun.Busy(20_000).Simulator;
        var truth = simulator.GroundTruth.ToDictionary(t => t.Scenario);

        Assert.Equal("promotion", truth[Scenario.FlashPromotion].EntityKind);
        Assert.StartsWith("marketplace-", truth[Scenario.FlashPromotion].Details["channel"]);
        Assert.All(truth[Scenario.FlashPromotion].Details["skus"].Split(','), sku => Assert.Contains(simulator.Catalogue.Skus, s => s.Id == sku));
        Assert.Equal("supplier", truth[Scenario.SupplierSlippage].EntityKind);
        Assert.Contains(simulator.Catalogue.Suppliers, s => s.Id == truth[Scenario.SupplierSlippage].EntityId);
        Assert.Equal(("node", "3PL-NORTH"), (truth[Scenario.ThreePlBacklog].EntityKind, truth[Scenario.ThreePlBacklog].EntityId));
        Assert.Equal("product-line", truth[Scenario.HighReturnRate].EntityKind);
        Assert.Contains(truth[Scenario.HighReturnRate].EntityId, simulator.Catalogue.Categories);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_scenario_window_falls_inside_the_run(long events)
    {
        var run = ObservedRun.Busy(events);

        Assert.Equal(4, run.Simulator.GroundTruth.Count);
        Assert.All(run.Simulator.GroundTruth, t =>
        {
            Assert.True(t.StartsAt >= run.Start.AddDays(1), $"{t.Scenario} starts at {t.StartsAt}");
            Assert.True(t.EndsAt > t.StartsAt);
            Assert.True(t.EndsAt <= run.End, $"{t.Scenario} ends at {t.EndsAt}, after the run ({run.End})");
        });
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Flash_promotion_multiplies_orders_for_its_skus_on_its_channel_beyond_what_it_lists(long events)
    {
        var run = ObservedRun.Busy(events);
        var truth = run.Simulator.GroundTruth.Single(t => t.Scenario == Scenario.FlashPromotion);
        var channel = truth.Details["channel"];
        var skus = truth.Details["skus"].Split(',').ToHashSet();
        var orders = run.Events<OrderPlaced>().Where(o => o.Payload.Channel == channel && o.Payload.Lines!.Any(l => skus.Contains(l.Sku!))).ToList();

        var window = truth.EndsAt - truth.StartsAt;
        var inside = orders.Count(o => Within(o.Event.OccurredAt, truth)) / window.TotalHours;
        var outside = orders.Count(o => !Within(o.Event.OccurredAt, truth)) / ((run.End - run.Start) - window).TotalHours;
        Assert.True(inside > 5 * outside, $"{inside:F2} orders/h in the window against {outside:F2} outside");

        var listedAtStart = run.Events<ListingUpdated>()
            .Where(l => l.Event.OccurredAt == truth.StartsAt && l.Payload.Channel == channel && skus.Contains(l.Payload.Sku!))
            .Sum(l => l.Payload.ListedQuantity!.Value);
        var unitsInWindow = orders.Where(o => Within(o.Event.OccurredAt, truth))
            .Sum(o => o.Payload.Lines!.Where(l => skus.Contains(l.Sku!)).Sum(l => l.Quantity!.Value));
        Assert.True(unitsInWindow > listedAtStart, $"{unitsInWindow} units ordered against {listedAtStart} listed");
        Assert.Contains(run.Payloads<PromotionStarted>(), p => p.PromotionId == truth.EntityId && p.Skus!.ToHashSet().SetEquals(skus));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Supplier_slippage_makes_receipts_later_than_promised_inside_the_window(long events)
    {
        var run = ObservedRun.Busy(events);
        var truth = run.Simulator.GroundTruth.Single(t => t.Scenario == Scenario.SupplierSlippage);
        var promised = run.Payloads<PurchaseOrderCreated>().ToDictionary(p => p.PoId!);
        var slips = run.Events<PurchaseOrderReceived>()
            .Select(r => (Po: promised[r.Payload.PoId!], Days: (r.Event.OccurredAt - promised[r.Payload.PoId!].PromisedAt!.Value).TotalDays))
            .ToList();

        var ours = slips.Where(s => s.Po.SupplierId == truth.EntityId).ToList();
        var inside = ours.Where(s => Within(s.Po.PromisedAt!.Value, truth)).Select(s => s.Days).ToList();
        var before = ours.Where(s => s.Po.PromisedAt < truth.StartsAt).Select(s => s.Days).ToList();
        var others = slips.Where(s => s.Po.SupplierId != truth.EntityId).Select(s => s.Days).ToList();

        Assert.True(inside.Count >= 2, $"only {inside.Count} receipts promised in the window");
        Assert.True(inside.Average() >= 1, $"inside the window receipts were {inside.Average():F2} days late");
        Assert.True(others.Average() < 0.5);
        if (before.Count > 0)
        {
            Assert.True(inside.Average() > before.Average() + 0.75, $"{inside.Average():F2} days late inside, {before.Average():F2} before");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Three_pl_backlog_makes_picks_and_dispatches_lag_allocations_inside_the_window(long events)
    {
        var run = ObservedRun.Busy(events);
        var truth = run.Simulator.GroundTruth.Single(t => t.Scenario == Scenario.ThreePlBacklog);
        var allocated = run.Events<AllocationMade>()
            .Where(a => a.Payload.Location == truth.EntityId && a.Payload.Quantity > 0)
            .GroupBy(a => $"{a.Payload.OrderId}/{a.Payload.LineId}")
            .ToDictionary(g => g.Key, g => g.First().Event.OccurredAt);
        var picked = run.Events<PickCompleted>().Where(p => p.Payload.Location == truth.EntityId)
            .GroupBy(p => $"{p.Payload.OrderId}/{p.Payload.LineId}").ToDictionary(g => g.Key, g => g.First().Event.OccurredAt);
        var dispatched = run.Events<ShipmentDispatched>().Where(s => s.Payload.Location == truth.EntityId)
            .SelectMany(s => s.Payload.Lines!.Select(l => (Line: $"{s.Payload.OrderId}/{l.LineId}", At: s.Event.OccurredAt)))
            .GroupBy(d => d.Line).ToDictionary(g => g.Key, g => g.First().At);

        double MeanHours(Dictionary<string, DateTimeOffset> next, Func<DateTimeOffset, bool> when) =>
            allocated.Where(a => when(a.Value) && next.ContainsKey(a.Key)).Average(a => (next[a.Key] - a.Value).TotalHours);

        var pickInside = MeanHours(picked, at => Within(at, truth));
        var pickBefore = MeanHours(picked, at => at < truth.StartsAt);
        Assert.True(pickInside > 3 * pickBefore, $"picks lagged allocation by {pickInside:F1} h in the window, {pickBefore:F1} h before");
        var shipInside = MeanHours(dispatched, at => Within(at, truth));
        var shipBefore = MeanHours(dispatched, at => at < truth.StartsAt);
        // Carrier collections add a fixed wait (evening orders leave next morning), so the dispatch lag moves less than the pick lag.
        Assert.True(shipInside > 1.5 * shipBefore, $"dispatch lagged allocation by {shipInside:F1} h in the window, {shipBefore:F1} h before");

        // Lines allocated by then and picked later (lines cancelled before picking never wait).
        int WaitingToBePicked(DateTimeOffset at) => allocated.Count(a => a.Value <= at && picked.TryGetValue(a.Key, out var p) && p > at);
        Assert.True(WaitingToBePicked(truth.EndsAt) > 3 * WaitingToBePicked(truth.StartsAt),
            $"lines waiting to be picked went from {WaitingToBePicked(truth.StartsAt)} to {WaitingToBePicked(truth.EndsAt)}");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void High_return_rate_hits_one_product_line_mostly_for_defects(long events)
    {
        var run = ObservedRun.Busy(events);
        var truth = run.Simulator.GroundTruth.Single(t => t.Scenario == Scenario.HighReturnRate);
        var category = run.Simulator.Catalogue.Skus.ToDictionary(s => s.Id, s => s.Category);
        var dispatched = run.Payloads<ShipmentDispatched>().ToDictionary(s => s.ShipmentId!);
        var delivered = run.Events<ShipmentDelivered>().Where(d => Within(d.Event.OccurredAt, truth))
            .SelectMany(d => dispatched[d.Payload.ShipmentId!].Lines!.Select(l => (Line: $"{d.Payload.OrderId}/{l.LineId}", l.Sku, l.Quantity)))
            .ToList();
        var deliveredLines = delivered.Select(d => d.Line).ToHashSet();
        var returns = run.Payloads<ReturnRequested>().Where(r => deliveredLines.Contains($"{r.OrderId}/{r.LineId}")).ToList();

        double Rate(Func<string, bool> inLine) =>
            returns.Where(r => inLine(category[r.Sku!])).Sum(r => r.Quantity!.Value)
            / (double)delivered.Where(d => inLine(category[d.Sku!])).Sum(d => d.Quantity!.Value);

        var hit = Rate(c => c == truth.EntityId);
        var rest = Rate(c => c != truth.EntityId);
        Assert.True(hit > 3 * rest, $"{truth.EntityId} returned at {hit:P1} against {rest:P1} for the other lines");
        var faults = returns.Where(r => category[r.Sku!] == truth.EntityId).ToList();
        Assert.True(faults.Count(r => r.Reason is "defective" or "not_as_described") > 0.7 * faults.Count);
    }

    private static bool Within(DateTimeOffset at, ScenarioTruth truth) => at >= truth.StartsAt && at < truth.EndsAt;
}
