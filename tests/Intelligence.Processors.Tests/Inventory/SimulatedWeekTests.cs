using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Xunit.Abstractions;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class SimulatedWeekTests(SimulatedWeek week, ITestOutputHelper output) : IClassFixture<SimulatedWeek>
{
    [Fact]
    public void On_hand_at_every_location_is_the_last_count_plus_the_movements_after_it()
    {
        // Reservations depend on the order fold's releases, stood in for here, so only on hand is checked against the events.
        var expected = ExpectedOnHand();
        var store = week.Harness.Engine.Store("stock-positions");
        var actual = store.ToDictionary(p => p.Key, p => ((StockPosition)p.Value).OnHand);

        Assert.True(expected.Count > 1000, $"only {expected.Count} stock positions");
        Assert.Empty(expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Take(5));
        Assert.DoesNotContain(actual, a => a.Value != 0 && !expected.ContainsKey(a.Key));
        Assert.DoesNotContain(week.Harness.RowsOf<KpiCount>(), k => k.Metric == "count_past_grace");
    }

    [Fact]
    public void The_flash_promotion_gets_an_exposure_recommendation_naming_it_within_its_window()
    {
        var truth = week.FlashPromotion;
        var skus = truth.Details["skus"].Split(',');
        var advice = week.Harness.RowsOf<ExposureRecommendationRow>()
            .Where(r => r.Channel == truth.Details["channel"] && skus.Contains(r.Sku) && r.RecommendedAt >= truth.StartsAt && r.RecommendedAt <= truth.EndsAt)
            .ToList();

        Assert.NotEmpty(advice);
        Assert.All(advice, a => Assert.Equal(truth.Details["promotionId"], a.PromotionId));
        Assert.All(advice, a => Assert.True(a.RecommendedExposure < a.ChannelAts));
        var raised = week.Harness.Engine.Store("exception-log").Keys.Where(k => k.StartsWith(ExceptionCategories.OversellRisk + ":", StringComparison.Ordinal));
        Assert.Contains(raised, k => skus.Any(s => k == ExceptionRaised.IdOf(ExceptionCategories.OversellRisk, $"{s}@{truth.Details["channel"]}")));
    }

    [Fact]
    public void A_simulated_week_runs_without_failures_or_negative_reservations()
    {
        var h = week.Harness;
        var positions = h.Engine.Store("stock-positions").Values.Cast<StockPosition>().ToList();
        Assert.Empty(h.Failures);
        Assert.DoesNotContain(positions, p => p.Reserved < 0 || p.QualityHold < 0);

        output.WriteLine($"{week.Events.Count} events, {positions.Count} stock positions, {h.Rows.Count} rows");
        foreach (var table in h.Rows.GroupBy(r => r.Table))
        {
            output.WriteLine($"  {table.Key}: {table.Count()} rows");
        }

        foreach (var kpi in h.RowsOf<KpiCount>().GroupBy(k => k.Metric))
        {
            output.WriteLine($"  kpi {kpi.Key}: {kpi.Count()} rows, total {kpi.Sum(k => k.Value)}");
        }

        foreach (var category in h.Engine.Store("exception-log").Values.Cast<ExceptionLog.Entry>().GroupBy(e => e.Category))
        {
            output.WriteLine($"  {category.Key}: {category.Count()} raised, {category.Count(e => e.Open)} open at the end, " +
                $"{category.Sum(e => e.Raised.Count)} raise signals");
        }
    }

    /// <summary>On hand per SKU@LOCATION from the events alone: the last count by event time plus every movement after it.</summary>
    private Dictionary<string, int> ExpectedOnHand()
    {
        var moves = new List<(string Key, DateTimeOffset At, int Units)>();
        var counts = new List<(string Key, DateTimeOffset At, int Counted)>();
        foreach (var e in week.Events)
        {
            switch (e.Payload)
            {
                case StockReceived r: moves.Add((StockKeys.Of(r.Sku!, r.Location!), e.OccurredAt, r.Quantity!.Value)); break;
                case StockAdjusted a: moves.Add((StockKeys.Of(a.Sku!, a.Location!), e.OccurredAt, a.Delta!.Value)); break;
                case PickCompleted p: moves.Add((StockKeys.Of(p.Sku!, p.Location!), e.OccurredAt, -p.Quantity!.Value)); break;
                case TransferDispatched t: moves.Add((StockKeys.Of(t.Sku!, t.FromLocation!), e.OccurredAt, -t.Quantity!.Value)); break;
                case TransferReceived t: moves.Add((StockKeys.Of(t.Sku!, t.ToLocation!), e.OccurredAt, t.Quantity!.Value)); break;
                case ReturnReceived { Condition: "sellable" } r: moves.Add((StockKeys.Of(r.Sku!, r.Location!), e.OccurredAt, r.Quantity!.Value)); break;
                case PurchaseOrderReceived po:
                    moves.AddRange(po.Lines!.Select(l => (StockKeys.Of(l.Sku!, po.Location!), e.OccurredAt, l.Quantity!.Value - l.Damaged!.Value)));
                    break;
                case StockCounted c: counts.Add((StockKeys.Of(c.Sku!, c.Location!), e.OccurredAt, c.CountedQuantity!.Value)); break;
            }
        }

        // Of counts at the same time the one that arrived last wins: OrderBy is stable.
        var lastCount = counts.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).Last());
        var byKey = moves.ToLookup(m => m.Key);
        return byKey.Select(g => g.Key).Concat(lastCount.Keys).Distinct().ToDictionary(key => key, key =>
            lastCount.TryGetValue(key, out var count)
                ? count.Counted + byKey[key].Where(m => m.At > count.At).Sum(m => m.Units)
                : byKey[key].Sum(m => m.Units));
    }
}
