using Intelligence.Contracts.Payment;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Margin;
using Xunit.Abstractions;

namespace Intelligence.Processors.Tests.Finance;

/// <summary>A week of simulated trade through order payments, settlements, products and margin.</summary>
public sealed class FinanceEndToEndTests(SimulatedFinanceRun run, ITestOutputHelper output) : IClassFixture<SimulatedFinanceRun>
{
    [Fact]
    public void No_input_makes_a_fold_fail()
    {
        Assert.Empty(run.Harness.Failures);
    }

    [Fact]
    public void Margin_revenue_less_discount_is_every_shipped_unit_at_its_order_price()
    {
        var (revenue, net, keys) = run.ShippedValue();
        var margin = run.Harness.Latest<MarginRow>().Values.ToList();

        output.WriteLine($"shipped revenue {revenue:0.00}, net {net:0.00}; margin rows {margin.Count}; kpi counts "
            + string.Join(", ", run.Harness.RowsOf<Intelligence.Processors.Flow.KpiCount>().GroupBy(k => k.Metric).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(revenue > 100_000m, $"a week of trade ships more than {revenue}");
        Assert.Equal(revenue, margin.Sum(m => m.Revenue));
        Assert.Equal(net, margin.Sum(m => m.NetRevenue));
        Assert.Equal(keys.Order(), margin.Where(m => m.Units > 0).Select(m => m.RowKey).Order());
    }

    [Fact]
    public void Every_refund_chargeback_and_statement_fee_lands_on_a_margin_row()
    {
        var margin = run.Harness.Latest<MarginRow>().Values.ToList();
        var fees = run.Payloads<SettlementReported>().SelectMany(s => s.Lines!).Sum(l => SettlementLineKinds.FeesOf(l.Kind!, l.Amount!.Value, l.Fee!.Value));

        Assert.Equal(run.Payloads<PaymentRefunded>().Sum(r => r.Amount!.Value), margin.Sum(m => m.Refunds));
        Assert.Equal(run.Payloads<PaymentChargeback>().Sum(c => c.Amount!.Value), margin.Sum(m => m.Chargebacks));
        Assert.Equal(fees, margin.Sum(m => m.Fees));
    }

    [Fact]
    public void The_orders_whose_statements_differ_past_their_grace_are_unreconciled()
    {
        var end = run.Harness.Engine.StreamTime;
        var truth = run.Truth();
        bool Settling(SimulatedFinanceRun.OrderTruth t) => !run.Options.IsInvoiced(t.Channel, t.Provider) && t.Captures > 0;
        bool DueBy(SimulatedFinanceRun.OrderTruth t, DateTimeOffset at) => at + run.Options.DueAfter(t.Provider) <= end;
        var overdue = truth.Where(t => Settling(t.Value) && !t.Value.Matches && DueBy(t.Value, t.Value.LastMovementAt)).Select(t => t.Key).ToList();
        var rows = run.Harness.Latest<OrderReconciliationRow>().Values.ToList();
        var unreconciled = rows.Where(r => r.Status == ReconciliationStatus.Unreconciled).Select(r => r.OrderId).ToList();

        // Old enough to have been judged: the first capture is a cadence and a grace before the end of the run.
        var judged = truth.Values.Count(t => Settling(t) && DueBy(t, t.FirstCapturedAt!.Value));
        var missing = unreconciled.Count(o => truth[o].SaleLines < truth[o].Captures);
        output.WriteLine($"orders {rows.Count}, with captures to settle {truth.Values.Count(Settling)}, judged by the end {judged}; by status: "
            + string.Join(", ", rows.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"unreconciled {unreconciled.Count}: sale line missing {missing}, amount off {unreconciled.Count - missing}; "
            + $"unreconciled amount {rows.Sum(r => r.Status == ReconciliationStatus.Unreconciled ? r.UnreconciledAmount : 0m):0.00}");
        var told = rows.Select(r => run.Harness.ExceptionsOf(r.OrderId)).Where(e => e.Count > 0).ToList();
        output.WriteLine($"orders raised {told.Count}, of them resolved {told.Count(e => e[^1].StartsWith("resolved", StringComparison.Ordinal))}");

        // Once raised an order stays unreconciled until it matches, even if later money moved its due time on.
        Assert.Empty(overdue.Except(unreconciled));
        Assert.All(unreconciled, o => Assert.False(truth[o].Matches));
        Assert.InRange(unreconciled.Count, judged * 0.002, judged * 0.02);
        Assert.True(missing > 0 && missing < unreconciled.Count, $"both kinds are planted: missing {missing} of {unreconciled.Count}");
        // Raised once, then raised again only to update the figures; never resolved while unmatched.
        Assert.All(unreconciled, o => Assert.All(run.Harness.ExceptionsOf(o), e => Assert.Equal("raised:" + truth[o].Channel, e)));
        Assert.All(unreconciled, o => Assert.NotEmpty(run.Harness.ExceptionsOf(o)));
    }

    [Fact]
    public void Matched_orders_are_settled_within_their_providers_cadence_and_a_report_delay()
    {
        var rows = run.Harness.Latest<OrderReconciliationRow>().Values.Where(r => r.Status == ReconciliationStatus.Matched).ToList();
        var lagByProvider = rows.GroupBy(r => r.Provider).ToDictionary(g => g.Key, g => g.Average(r => r.SettlementLagHours ?? 0));
        output.WriteLine("average settlement lag (h): " + string.Join(", ", lagByProvider.Select(p => $"{p.Key} {p.Value:0.0}")));

        Assert.Equal(["adyen", "amazon", "ebay", "stripe"], lagByProvider.Keys.Order());
        Assert.All(rows, r => Assert.InRange(r.SettlementLagHours ?? -1, 0, run.Options.DueAfter(r.Provider).TotalHours));
    }

    [Fact]
    public void Every_statement_is_written_and_every_payout_pays_its_statements_net()
    {
        var settlements = run.Harness.Latest<SettlementRow>().Values.ToList();
        output.WriteLine($"statements {settlements.Count}, paid {settlements.Count(s => s.Status == "paid")}");

        Assert.Equal(run.Payloads<SettlementReported>().Select(s => s.SettlementId!).Order(), settlements.Select(s => s.SettlementId).Order());
        Assert.All(settlements.Where(s => s.Status == "paid"), s => Assert.Equal(0m, s.PayoutDifference));
        Assert.Contains(settlements, s => s.Status == "paid");
    }

    [Fact]
    public void Margin_leaks_are_written_only_when_they_open_or_close()
    {
        var leaks = run.Harness.RowsOf<MarginLeakageRow>().ToList();
        output.WriteLine($"leakage rows {leaks.Count}: "
            + string.Join(", ", leaks.GroupBy(l => $"{l.Component}/{l.State}").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        foreach (var entity in leaks.GroupBy(l => (l.Sku, l.Channel, l.PromotionId, l.Component)))
        {
            var states = entity.Select(l => l.State).ToList();
            Assert.Equal(states.Count, states.Where((s, i) => s == (i % 2 == 0 ? "opened" : "closed")).Count());
        }
    }
}
