using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Support;
using static Intelligence.Processors.Tests.Suppliers.PurchaseOrderBuilder;

namespace Intelligence.Processors.Tests.Suppliers;

public sealed class SupplierScorecardFoldTests
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    [Fact]
    public void The_scorecard_rates_lead_time_punctuality_fill_asn_accuracy_and_damage_over_the_receipts()
    {
        var harness = Harness();
        harness.Feed(Supplier, new LeadTimePromised { SupplierId = Supplier, LeadTimeDays = 3 }, T0);
        harness.Feed("PO-1", Created("PO-1", T0.AddDays(3), ("SKU-A", 100)), T0);
        harness.Feed("PO-2", Created("PO-2", T0.AddDays(3), ("SKU-B", 50)), T0);
        harness.Feed("PO-1", Asn("PO-1", "ASN-1", T0.AddDays(3.25), ("SKU-A", 100)), T0.AddDays(2));
        harness.Feed("PO-1", Receipt("PO-1", "ASN-1", ("SKU-A", 98, 2)), T0.AddDays(3.25));
        harness.Feed("PO-2", Receipt("PO-2", null, ("SKU-B", 50, 0)), T0.AddDays(4.5));

        var card = harness.Latest<SupplierScorecardRow>()[Supplier];
        Assert.Equal((3L, 2L, 2L, 1L, 0L), (card.StatedLeadDays, card.ReceiptsInWindow, card.PurchaseOrdersReceived, card.PurchaseOrdersOnTime, card.OpenPurchaseOrders));
        Assert.Equal(3.0, card.PromisedLeadDays);
        Assert.Equal(3.875, card.LeadTimeDays);
        Assert.Equal(Math.Sqrt(0.78125), card.LeadTimeStddevDays!.Value, 4);
        Assert.Equal(0.875, card.DaysLate);
        Assert.Equal(0.5, card.OnTimeRate);
        Assert.Equal(Math.Round(148.0 / 150, 4), card.FillRate);
        Assert.Equal(0.98, card.AsnAccuracy);
        Assert.Equal(Math.Round(2.0 / 148, 4), card.DamagedRate);
        Assert.Equal((1L, 1L), (card.ShortShipments, card.ShortShipmentsInWindow));
        Assert.False(card.Slipping);

        var kpis = harness.RowsOf<KpiCount>().Where(k => k.Entity == $"supplier:{Supplier}")
            .GroupBy(k => k.Metric).ToDictionary(g => g.Key, g => (Sum: g.Sum(k => k.Value), Samples: g.Sum(k => k.Samples)));
        Assert.Equal((2.0, 2L), kpis["po_received"]);
        Assert.Equal(1.0, kpis["po_on_time"].Sum);
        Assert.Equal(150.0, kpis["units_ordered"].Sum);
        Assert.Equal(148.0, kpis["units_received"].Sum);
        Assert.Equal((7.75, 2L), kpis["lead_time_days"]);
        Assert.Equal((1.75, 2L), kpis["days_late"]);
    }

    [Fact]
    public void The_receipt_window_keeps_only_the_latest_receipts()
    {
        var harness = Harness(new SuppliersOptions { ReceiptWindow = 3 });
        for (var i = 1; i <= 5; i++)
        {
            harness.Feed($"PO-{i}", Created($"PO-{i}", T0.AddDays(i + 2), ("SKU-A", 10)), T0.AddDays(i));
            harness.Feed($"PO-{i}", Receipt($"PO-{i}", null, ("SKU-A", 10, 0)), T0.AddDays(i + 2));
        }

        var state = harness.State<SupplierScorecardState>(SupplierScorecardFold.FoldName, Supplier);
        Assert.Equal(["PO-3", "PO-4", "PO-5"], state.Receipts.Select(r => r.PoId));
        Assert.Equal(5, harness.Latest<SupplierScorecardRow>()[Supplier].PurchaseOrdersReceived);
    }

    [Fact]
    public void A_late_asn_warns_of_slippage_before_the_goods_arrive_naming_the_open_orders()
    {
        var harness = Harness();
        foreach (var po in new[] { "PO-1", "PO-2" })
        {
            harness.Feed(po, Created(po, T0.AddDays(2), ("SKU-A", 10)), T0);
        }

        harness.Feed("PO-3", Created("PO-3", T0.AddDays(3), ("SKU-B", 10)), T0.AddDays(1));
        harness.Feed("PO-4", Created("PO-4", T0.AddDays(3), ("SKU-C", 10)), T0.AddDays(1));
        harness.Feed("PO-5", Created("PO-5", T0.AddDays(4), ("SKU-D", 10)), T0.AddDays(1));
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 10, 0)), T0.AddDays(2));
        harness.Feed("PO-2", Receipt("PO-2", null, ("SKU-A", 10, 0)), T0.AddDays(2));
        harness.Feed("PO-3", Asn("PO-3", "ASN-3", T0.AddDays(5.5), ("SKU-B", 10)), T0.AddDays(2.1));
        Assert.Empty(ExceptionLog.Read(harness)); // one late ASN among on-time receipts: 0.8 days on average

        harness.Feed("PO-4", Asn("PO-4", "ASN-4", T0.AddDays(5.5), ("SKU-C", 10)), T0.AddDays(2.2));

        var raised = Assert.Single(Exception(harness, "supplier_slippage:SUP-1"));
        Assert.Equal((T0.AddDays(2.2), Supplier), (raised.At, raised.SupplierId));
        Assert.Equal(1.25 / 2, raised.Risk, 3); // slip over the promised lead time
        Assert.Contains("PO-3", raised.Detail, StringComparison.Ordinal);
        Assert.Contains("PO-5", raised.Detail, StringComparison.Ordinal);

        var rows = harness.Latest<SupplierWarningRow>().Values.ToDictionary(r => r.PoId);
        Assert.Equal(["PO-3", "PO-4", "PO-5"], rows.Keys.Order());
        Assert.All(rows.Values, r => Assert.Equal((WarnedPurchaseOrderStatuses.AtRisk, 1.25), (r.Status, r.SlipDays)));
        Assert.Equal(T0.AddDays(5.5), rows["PO-3"].ProjectedAt); // the ASN's own date
        Assert.Equal(T0.AddDays(5.25), rows["PO-5"].ProjectedAt); // promised plus the supplier's slip
        Assert.Equal(["SKU-D"], rows["PO-5"].Skus);
        Assert.Equal(4, rows["PO-5"].EvidencePurchaseOrders);
        var card = harness.Latest<SupplierScorecardRow>()[Supplier];
        Assert.Equal((3L, true, 1.25), (card.OpenPurchaseOrders, card.Slipping, card.SlipDays));
    }

    [Fact]
    public void Late_receipts_warn_of_slippage_and_on_time_receipts_resolve_it()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", T0.AddDays(2), ("SKU-A", 10)), T0);
        harness.Feed("PO-2", Created("PO-2", T0.AddDays(2), ("SKU-A", 10)), T0);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 10, 0)), T0.AddDays(5));
        harness.Feed("PO-2", Receipt("PO-2", null, ("SKU-A", 10, 0)), T0.AddDays(5));
        harness.Feed("PO-3", Created("PO-3", T0.AddDays(7), ("SKU-A", 10)), T0.AddDays(5));
        harness.Feed("PO-4", Created("PO-4", T0.AddDays(9), ("SKU-B", 10)), T0.AddDays(6));
        Assert.Empty(ExceptionLog.Read(harness)); // two POs are not yet evidence enough

        harness.Feed("PO-3", Receipt("PO-3", null, ("SKU-A", 10, 0)), T0.AddDays(7));
        var raised = Assert.Single(Exception(harness, "supplier_slippage:SUP-1"));
        Assert.Contains("3 received", raised.Detail, StringComparison.Ordinal);
        var atRisk = Assert.Single(harness.Latest<SupplierWarningRow>().Values);
        Assert.Equal(("PO-4", T0.AddDays(11)), (atRisk.PoId, atRisk.ProjectedAt)); // 3, 3 and 0 days late: 2 on average

        // On-time orders from here: PO-5, PO-6 and PO-7 are raised while the warning is open and named by it.
        harness.Feed("PO-5", Created("PO-5", T0.AddDays(10), ("SKU-C", 10)), T0.AddDays(8));
        harness.Feed("PO-4", Receipt("PO-4", null, ("SKU-B", 10, 0)), T0.AddDays(9));
        harness.Feed("PO-6", Created("PO-6", T0.AddDays(11), ("SKU-C", 10)), T0.AddDays(9));
        harness.Feed("PO-5", Receipt("PO-5", null, ("SKU-C", 10, 0)), T0.AddDays(10));
        harness.Feed("PO-7", Created("PO-7", T0.AddDays(12), ("SKU-C", 10)), T0.AddDays(10));
        Assert.Single(Exception(harness, "supplier_slippage:SUP-1")); // 3, 0, 0, 0: still 0.75 on average

        harness.Feed("PO-6", Receipt("PO-6", null, ("SKU-C", 10, 0)), T0.AddDays(11));
        var resolved = Exception(harness, "supplier_slippage:SUP-1")[^1];
        Assert.Equal(("recovered", T0.AddDays(11)), (resolved.Resolution, resolved.At));

        var rows = harness.Latest<SupplierWarningRow>().Values.ToDictionary(r => r.PoId);
        Assert.Equal((WarnedPurchaseOrderStatuses.Arrived, T0.AddDays(9)), (rows["PO-4"].Status, rows["PO-4"].ArrivedAt));
        Assert.Equal(WarnedPurchaseOrderStatuses.Arrived, rows["PO-6"].Status);
        Assert.Equal(WarnedPurchaseOrderStatuses.Cleared, rows["PO-7"].Status);
        Assert.False(harness.Latest<SupplierScorecardRow>()[Supplier].Slipping);
    }

    [Fact]
    public void A_rising_trend_warns_before_the_average_reaches_the_threshold()
    {
        var harness = Harness();
        var inputs = new List<(DateTimeOffset At, string Po, Intelligence.Contracts.IEventPayload Payload)>();
        for (var k = 0; k < 6; k++)
        {
            var po = $"PO-{k}";
            var promise = T0.AddDays(k + 2);
            inputs.Add((T0.AddDays(k), po, Created(po, promise, ("SKU-A", 10))));
            inputs.Add((promise.AddDays(0.25 * k), po, Receipt(po, null, ("SKU-A", 10, 0))));
        }

        foreach (var (at, po, payload) in inputs.OrderBy(i => i.At))
        {
            harness.AdvanceTo(at); // timers due before an input fire before it, as a runtime's punctuation would
            harness.Feed(po, payload, at);
        }

        // 0, 0.25 ... 1.0 days late, then PO-5 a day overdue: the latest four average 0.81, the trend reads 1.12.
        var raised = Assert.Single(Exception(harness, "supplier_slippage:SUP-1"), e => e.Raised);
        Assert.Equal(T0.AddDays(8), raised.At);
        Assert.Contains("trend", raised.Detail, StringComparison.Ordinal);
        var warning = harness.RowsOf<SupplierWarningRow>().First(r => r.PoId == "PO-5");
        Assert.True(warning.RecentSlipDays < 1, $"recent slip {warning.RecentSlipDays}");
        Assert.True(warning.TrendSlopeDaysPerDay > 0.15, $"slope {warning.TrendSlopeDaysPerDay}");
    }

    [Fact]
    public void Orders_overdue_with_nothing_received_warn_without_any_further_input()
    {
        var harness = Harness();
        foreach (var po in new[] { "PO-1", "PO-2", "PO-3" })
        {
            harness.Feed(po, Created(po, T0.AddDays(2), ("SKU-A", 10)), T0);
        }

        harness.AdvanceTo(T0.AddDays(2.9));
        Assert.Empty(ExceptionLog.Read(harness));

        harness.AdvanceTo(T0.AddDays(3));
        var raised = Assert.Single(Exception(harness, "supplier_slippage:SUP-1"));
        Assert.Contains("3 overdue", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_options_are_valid_and_each_bad_setting_is_named()
    {
        Assert.Empty(new SuppliersOptions().Problems());
        var problems = new SuppliersOptions { ReceiptWindow = 1, SlipRecoveredDays = 2, MinimumSlipEvidence = 9 }.Problems().ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith(nameof(SuppliersOptions.ReceiptWindow), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(nameof(SuppliersOptions.SlipRecoveredDays), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(nameof(SuppliersOptions.MinimumSlipEvidence), StringComparison.Ordinal));
    }
}
