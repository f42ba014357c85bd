using Intelligence.Contracts.Payment;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Finance;
using Intelligence.Processors.Tests.Orders;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Flow;

/// <summary>
/// Folds forget a finished key once stream time is its retention past its last activity, and keep
/// every key that is not finished, however long: a delivered order goes, an order on its way stays.
/// </summary>
public sealed class RetirementTests
{
    private static readonly OrdersOptions TenDays = new() { RetainFinishedFor = TimeSpan.FromDays(10) };

    [Fact]
    public void A_delivered_order_is_forgotten_a_retention_after_its_last_event_and_counted()
    {
        var o = Delivered(new OrderScript(orders: TenDays));
        var delivered = o.Order.UpdatedAt;

        KeptUntilThenGone(o, delivered.AddDays(10).AddMinutes(-1), delivered.AddDays(10));
        Assert.True(o.Harness.Engine.KeysRetired >= 1);
    }

    [Fact]
    public void A_finished_order_touched_again_is_kept_until_a_retention_after_its_latest_event()
    {
        var o = Delivered(new OrderScript(orders: TenDays));
        var delivered = o.Order.UpdatedAt;
        o.After(TimeSpan.FromDays(5)).Refunded();
        var refunded = o.Order.UpdatedAt;

        // The timer armed at delivery fires first and finds the order's retirement moved on.
        KeptUntilThenGone(o, delivered.AddDays(10), refunded.AddDays(10));
    }

    [Fact]
    public void An_order_still_on_its_way_is_kept_however_long_it_takes()
    {
        var o = new OrderScript(orders: TenDays).Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 1);

        o.Harness.AdvanceTo(o.Now.AddDays(400));

        Assert.Equal(OrderStatus.Allocated, o.Order.Status);
    }

    [Fact]
    public void A_return_in_transit_keeps_the_order_until_the_return_expires()
    {
        var o = Delivered(new OrderScript(orders: TenDays with { ReturnInTransitExpiry = TimeSpan.FromDays(30) }))
            .ReturnRequested("R-1", "L1", "SKU-1", 1);
        var requested = o.Order.UpdatedAt;

        // The return expires at 30 days, when the order is already more than its retention past its last event.
        KeptUntilThenGone(o, requested.AddDays(29), requested.AddDays(30));
    }

    [Fact]
    public void An_event_after_the_order_was_forgotten_starts_it_afresh_as_an_order_not_yet_placed()
    {
        var o = Delivered(new OrderScript(orders: TenDays));
        o.Harness.AdvanceTo(o.Now.AddDays(11));

        o.After(TimeSpan.FromDays(11)).ReturnRequested("R-1", "L1", "SKU-1", 1);

        Assert.Null(o.Order.PlacedAt);
        Assert.Equal(1, o.Order.Revision);
    }

    [Fact]
    public void A_resolved_exception_is_forgotten_after_its_retention_and_an_open_one_is_kept()
    {
        var policy = new ExceptionPolicyOptions { RetainResolvedFor = TimeSpan.FromDays(5) };
        var resolved = new OrderScript(orderId: "ORD-1", policy: policy).Held("address_validation").Released("address_validation");
        var open = new OrderScript(orderId: "ORD-2", policy: policy).Held("fraud_review");
        var resolvedId = ExceptionRaised.IdOf(ExceptionCategories.AddressValidation, "ORD-1");
        Assert.Equal(ExceptionState.Resolved, resolved.Exception(ExceptionCategories.AddressValidation).Status);

        resolved.Harness.AdvanceTo(resolved.Now.AddDays(6));
        open.Harness.AdvanceTo(open.Now.AddDays(400));

        Assert.False(resolved.Harness.Engine.Store("exception-queue").ContainsKey(resolvedId));
        Assert.True(open.Exception(ExceptionCategories.FraudReview).IsOpen);
    }

    [Fact]
    public void A_settlement_reported_and_paid_is_forgotten_after_its_retention_and_one_unpaid_is_kept()
    {
        var harness = FinanceBuilders.Harness(new FinanceOptions { RetainFinishedFor = TimeSpan.FromDays(10) });
        var paidAt = FoldHarness.T0.AddDays(2);
        harness.Feed("ST-1", FinanceBuilders.Statement("ST-1", "ebay", FoldHarness.T0, FinanceBuilders.SettlementLine("O-1", "sale", 10m)), FoldHarness.T0);
        harness.Feed("ST-1", new PayoutPaid { PayoutId = "PAY-1", SettlementId = "ST-1", Provider = "ebay", Amount = 10m, Currency = "EUR" }, paidAt);
        harness.Feed("ST-2", FinanceBuilders.Statement("ST-2", "ebay", FoldHarness.T0, FinanceBuilders.SettlementLine("O-2", "sale", 10m)), FoldHarness.T0);
        var settlements = harness.Engine.Store("settlements");

        harness.AdvanceTo(paidAt.AddDays(10).AddMinutes(-1));
        Assert.True(settlements.ContainsKey("ST-1"));

        harness.AdvanceTo(paidAt.AddDays(400));
        Assert.False(settlements.ContainsKey("ST-1"));
        Assert.True(settlements.ContainsKey("ST-2"), "a statement not yet paid is kept");
    }

    [Theory]
    [InlineData("PROMO-7", 180)]
    [InlineData("none", null)]
    public void A_promotions_margin_is_forgotten_after_its_retention_and_the_margin_without_one_is_kept(string promotion, int? days)
    {
        var margin = new MarginFold(new MarginOptions());
        var state = new MarginState { Sku = "SKU-1", Channel = "webstore", PromotionId = promotion, UpdatedAt = FoldHarness.T0 };

        Assert.Equal(days is { } d ? FoldHarness.T0.AddDays(d) : null, margin.RetireAt(state));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void A_retention_outside_one_day_to_ten_years_is_refused_by_name(int days)
    {
        var retain = TimeSpan.FromDays(days);
        var options = new ProcessorOptions
        {
            Orders = new OrdersOptions { RetainFinishedFor = retain },
            Finance = new FinanceOptions { RetainFinishedFor = retain },
            Suppliers = new SuppliersOptions { RetainFinishedFor = retain },
            Exceptions = new ExceptionPolicyOptions { RetainResolvedFor = retain },
            Margin = new MarginOptions { RetainPromotionFor = retain },
        };

        var problems = options.Problems().ToList();

        Assert.Equal(3, problems.Count(p => p.StartsWith("RetainFinishedFor is", StringComparison.Ordinal)));
        Assert.Single(problems, p => p.StartsWith("RetainResolvedFor is", StringComparison.Ordinal));
        Assert.Single(problems, p => p.StartsWith("RetainPromotionFor is", StringComparison.Ordinal));
    }

    private static void KeptUntilThenGone(OrderScript o, DateTimeOffset kept, DateTimeOffset gone)
    {
        o.Harness.AdvanceTo(kept);
        Assert.True(o.Harness.Engine.Store("orders").ContainsKey(o.OrderId), $"retired before {kept:u}");

        o.Harness.AdvanceTo(gone);
        Assert.False(o.Harness.Engine.Store("orders").ContainsKey(o.OrderId), $"still held at {gone:u}");
    }

    private static OrderScript Delivered(OrderScript o) =>
        o.Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1)).Delivered("SHP-1");
}
