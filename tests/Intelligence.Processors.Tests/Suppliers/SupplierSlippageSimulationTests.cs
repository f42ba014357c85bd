using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Suppliers;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>The suppliers area over ten simulated days (100k events), with and without the scenarios.</summary>
public sealed class SupplierSlippageSimulationTests
{
    [Fact]
    public void The_slipping_supplier_is_warned_inside_the_window_before_its_late_goods_arrive()
    {
        var run = ScenarioRuns.WithScenarios;
        var truth = run.Truth(Scenario.SupplierSlippage);

        var warnings = run.Raised(ExceptionCategories.SupplierSlippage);
        Assert.Equal([truth.EntityId], warnings.Select(w => w.EntityId).Distinct());
        var first = warnings[0];
        Assert.InRange(first.At, truth.StartsAt, truth.EndsAt);

        // Early: before the first of its purchase orders arrives a day or more late.
        var orders = run.Harness.Latest<PurchaseOrderRow>().Values.Where(p => p.SupplierId == truth.EntityId).ToList();
        var firstLateArrival = orders.Where(p => p.DaysLate >= 1).Min(p => p.ReceivedAt!.Value);
        Assert.True(first.At < firstLateArrival, $"warned {first.At:u}, first late arrival {firstLateArrival:u}");
        Assert.Contains("PO-", first.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_warning_names_the_slipping_suppliers_open_purchase_orders_with_a_projected_arrival()
    {
        var run = ScenarioRuns.WithScenarios;
        var truth = run.Truth(Scenario.SupplierSlippage);

        var named = run.Harness.RowsOf<SupplierWarningRow>().ToList();
        Assert.NotEmpty(named);
        Assert.All(named, r => Assert.Equal(truth.EntityId, r.SupplierId));
        var orders = run.Harness.Latest<PurchaseOrderRow>();
        Assert.All(named, r => Assert.Equal(truth.EntityId, orders[r.PoId].SupplierId));
        Assert.All(named, r => Assert.NotEmpty(r.Skus));

        // When the warning opened, every order named was projected late: by its ASN, or by the supplier's slip.
        var atOpening = named.Where(r => r.UpdatedAt == r.WarnedAt).ToList();
        Assert.True(atOpening.Count >= 3, $"{atOpening.Count} orders named at opening");
        Assert.All(atOpening, r => Assert.True(r.ProjectedAt >= r.PromisedAt.AddDays(1), $"{r.PoId} projected {r.ProjectedAt:u}, promised {r.PromisedAt:u}"));

        // And most of those arrived a day or more late.
        var late = atOpening.Count(r => orders[r.PoId].DaysLate >= 1);
        Assert.True(late * 2 > atOpening.Count, $"{late} of {atOpening.Count} arrived a day or more late");
    }

    [Fact]
    public void The_slipping_supplier_has_the_worst_scorecard()
    {
        var run = ScenarioRuns.WithScenarios;
        var truth = run.Truth(Scenario.SupplierSlippage);

        var cards = run.Harness.Latest<SupplierScorecardRow>().Values.ToList();
        Assert.Equal(truth.EntityId, cards.MaxBy(c => c.DaysLate)!.SupplierId);
        Assert.Equal(truth.EntityId, cards.MinBy(c => c.OnTimeRate)!.SupplierId);
    }

    [Fact]
    public void Ordinary_days_raise_few_slippage_warnings()
    {
        var run = ScenarioRuns.Quiet;

        Assert.True(run.Raised(ExceptionCategories.SupplierSlippage).Count <= 1,
            string.Join("; ", run.Raised(ExceptionCategories.SupplierSlippage).Select(r => r.Detail)));
    }

    [Fact]
    public void Every_short_purchase_order_raised_one_short_shipment_and_finished_orders_leave_nothing_inbound()
    {
        var run = ScenarioRuns.Quiet;
        var orders = run.Harness.Latest<PurchaseOrderRow>().Values.ToList();

        var raised = run.Raised(ExceptionCategories.SupplierShortShipment).Select(r => r.EntityId).ToList();
        var short_ = orders.Where(p => p.Status is PurchaseOrderStatuses.ReceivedShort or PurchaseOrderStatuses.ClosedShort).Select(p => p.PoId);
        Assert.Equal(short_.Order(), raised.Order());
        Assert.NotEmpty(raised);

        var deltas = run.Harness.Engine.Store(InboundLog.FoldName).Values.SelectMany(s => ((InboundLog.Deltas)s).Seen).ToList();
        var done = orders.Where(p => p.Status is PurchaseOrderStatuses.Received or PurchaseOrderStatuses.ClosedShort or PurchaseOrderStatuses.Expired)
            .Select(p => p.PoId).ToHashSet();
        Assert.NotEmpty(done);
        Assert.All(deltas.Where(d => done.Contains(d.PoId)).GroupBy(d => (d.PoId, d.Sku)), g => Assert.Equal(0, g.Sum(d => d.Delta)));
        var open = orders.Where(p => p.Status is PurchaseOrderStatuses.Open or PurchaseOrderStatuses.InTransit).ToList();
        Assert.All(open, p => Assert.Equal(p.OrderedUnits, deltas.Where(d => d.PoId == p.PoId).Sum(d => d.Delta)));
    }
}
