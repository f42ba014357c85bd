using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;
using static Intelligence.Processors.Tests.Finance.FinanceBuilders;

namespace Intelligence.Processors.Tests.Finance;

public sealed class ReconciliationTests
{
    // stripe settles daily; with the default grace of 2 days a capture is overdue 3 days later.
    private static readonly DateTimeOffset CapturedAt = T0.AddHours(1);
    private static readonly DateTimeOffset Overdue = CapturedAt.AddDays(3);

    private static FoldHarness ShippedAndCaptured(decimal amount = 50m, string channel = "webstore", string provider = "stripe")
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", channel, 0m, null, Line("L1", "SKU-1", 2, amount / 2)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 2)), CapturedAt);
        harness.Feed("O-1", Captured("O-1", amount, provider), CapturedAt);
        return harness;
    }

    [Fact]
    public void A_capture_settled_at_the_same_amount_is_matched_with_its_fees_and_lag()
    {
        var harness = ShippedAndCaptured();
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddHours(20), SettlementLine("O-1", "sale", 50m, 0.95m)), T0.AddHours(24));

        var row = harness.Reconciliation("O-1");
        Assert.Equal(ReconciliationStatus.Matched, row.Status);
        Assert.Equal((50m, 50m, 0.95m, 0m), (row.Captured, row.SettledSales, row.Fees, row.UnreconciledAmount));
        Assert.Equal(23, row.SettlementLagHours);
        Assert.Equal(T0.AddHours(24), row.SettledAt);
        var lag = Assert.Single(harness.RowsOf<KpiCount>(), k => k is { Metric: PaymentKpis.SettlementLagHours, Entity: "provider:stripe" });
        Assert.Equal((23, 1L), (lag.Value, lag.Samples));
        Assert.Contains(harness.RowsOf<KpiCount>(), k => k is { Metric: PaymentKpis.FeesAmount, Entity: "channel:webstore", Value: 0.95 });
    }

    [Fact]
    public void A_capture_never_settled_raises_an_unreconciled_exception_once_the_grace_has_passed()
    {
        var harness = ShippedAndCaptured();
        harness.AdvanceTo(Overdue.AddMinutes(-1));
        Assert.Empty(harness.ExceptionsOf("O-1"));
        Assert.Equal(ReconciliationStatus.Pending, harness.Reconciliation("O-1").Status);

        harness.AdvanceTo(Overdue);

        Assert.Equal(["raised:webstore"], harness.ExceptionsOf("O-1"));
        var row = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.Unreconciled, 50m), (row.Status, row.UnreconciledAmount));
        harness.AdvanceTo(Overdue.AddDays(10));
        Assert.Single(harness.ExceptionsOf("O-1"));
    }

    [Fact]
    public void A_sale_settled_a_few_cents_out_is_unreconciled_by_the_difference()
    {
        var harness = ShippedAndCaptured();
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddHours(20), SettlementLine("O-1", "sale", 49.97m, 0.95m)), T0.AddHours(24));
        Assert.Equal(ReconciliationStatus.Pending, harness.Reconciliation("O-1").Status);

        harness.AdvanceTo(T0.AddDays(4));

        Assert.Equal(["raised:webstore"], harness.ExceptionsOf("O-1"));
        Assert.Equal((ReconciliationStatus.Unreconciled, 0.03m), (harness.Reconciliation("O-1").Status, harness.Reconciliation("O-1").UnreconciledAmount));
    }

    [Fact]
    public void A_settlement_arriving_after_the_exception_resolves_it()
    {
        var harness = ShippedAndCaptured(provider: "amazon", channel: "marketplace-amz");
        harness.AdvanceTo(CapturedAt.AddDays(4));
        Assert.Equal(["raised:marketplace-amz"], harness.ExceptionsOf("O-1"));

        harness.Feed("ST-9", Statement("ST-9", "amazon", T0.AddDays(4), SettlementLine("O-1", "sale", 50m, 7.5m)), T0.AddDays(5));

        Assert.Equal(["raised:marketplace-amz", "resolved:settled"], harness.ExceptionsOf("O-1"));
        var row = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.Matched, 0m), (row.Status, row.UnreconciledAmount));
        Assert.Equal(119, row.SettlementLagHours);
    }

    [Fact]
    public void A_statement_seen_before_its_late_capture_matches_without_an_exception()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 1, 50m)), T0);
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddHours(2), SettlementLine("O-1", "sale", 50m, 0.95m)), T0.AddHours(6));
        Assert.Equal(ReconciliationStatus.Pending, harness.Reconciliation("O-1").Status);

        harness.Feed("O-1", Captured("O-1", 50m), CapturedAt);
        harness.AdvanceTo(T0.AddDays(10));

        Assert.Equal(ReconciliationStatus.Matched, harness.Reconciliation("O-1").Status);
        Assert.Equal(5, harness.Reconciliation("O-1").SettlementLagHours);
        Assert.Empty(harness.ExceptionsOf("O-1"));
    }

    [Fact]
    public void Wholesale_orders_paid_by_invoice_are_not_reconciled()
    {
        var harness = ShippedAndCaptured(channel: "wholesale", provider: "invoice");
        harness.AdvanceTo(T0.AddDays(30));

        Assert.Empty(harness.ExceptionsOf("O-1"));
        var row = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.NotApplicable, 50m, 0m), (row.Status, row.Captured, row.UnreconciledAmount));
    }

    [Fact]
    public void An_order_cancelled_before_any_payment_is_not_applicable()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 1, 50m)), T0);
        Assert.Equal(ReconciliationStatus.Pending, harness.Reconciliation("O-1").Status);

        harness.Feed("O-1", new Contracts.Channel.OrderCancelled { OrderId = "O-1", Reason = "customer_request" }, T0.AddHours(1));

        Assert.Equal(ReconciliationStatus.NotApplicable, harness.Reconciliation("O-1").Status);
    }

    [Fact]
    public void A_refund_waits_for_its_statement_line_and_its_exposure_ends_when_refunded()
    {
        var harness = ShippedAndCaptured();
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddHours(20), SettlementLine("O-1", "sale", 50m, 0.95m)), T0.AddHours(24));
        harness.Feed("O-1", ReturnOf("O-1", "R-1", "L1", "SKU-1", 1), T0.AddDays(2));
        Assert.Equal(25m, harness.Reconciliation("O-1").RefundExposure);

        harness.Feed("O-1", Received("O-1", "R-1", "SKU-1", 1, "sellable"), T0.AddDays(3));
        harness.Feed("O-1", Refunded("O-1", 25m), T0.AddDays(3).AddHours(2));
        var refunded = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.Pending, 0m, 25m), (refunded.Status, refunded.RefundExposure, refunded.UnreconciledAmount));

        harness.Feed("ST-2", Statement("ST-2", "stripe", T0.AddDays(4), SettlementLine("O-1", "refund", -25m)), T0.AddDays(4).AddHours(5));

        var row = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.Matched, 25m, 25m), (row.Status, row.Refunded, row.SettledRefunds));
    }

    [Fact]
    public void A_chargeback_settled_with_its_fee_is_matched()
    {
        var harness = ShippedAndCaptured();
        harness.Feed("ST-1", Statement("ST-1", "stripe", T0.AddHours(20), SettlementLine("O-1", "sale", 50m, 0.95m)), T0.AddHours(24));
        harness.Feed("O-1", Chargeback("O-1", 50m), T0.AddDays(6));
        harness.Feed("ST-2", Statement("ST-2", "stripe", T0.AddDays(7), SettlementLine("O-1", "chargeback", -50m, 15m)), T0.AddDays(7).AddHours(4));
        harness.AdvanceTo(T0.AddDays(20));

        var row = harness.Reconciliation("O-1");
        Assert.Equal((ReconciliationStatus.Matched, 50m, 50m, 15.95m), (row.Status, row.Chargebacks, row.SettledChargebacks, row.Fees));
        Assert.Empty(harness.ExceptionsOf("O-1"));
    }

    [Fact]
    public void A_provider_given_a_longer_grace_is_judged_later()
    {
        var options = new FinanceOptions { ProviderGrace = new Dictionary<string, TimeSpan> { ["stripe"] = TimeSpan.FromDays(5) } };
        var harness = Harness(options);
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 1, 50m)), T0);
        harness.Feed("O-1", Captured("O-1", 50m), CapturedAt);

        harness.AdvanceTo(CapturedAt.AddDays(5));
        Assert.Empty(harness.ExceptionsOf("O-1"));
        harness.AdvanceTo(CapturedAt.AddDays(6));
        Assert.Single(harness.ExceptionsOf("O-1"));
    }
}
