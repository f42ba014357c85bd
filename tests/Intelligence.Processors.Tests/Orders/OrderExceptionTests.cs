using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Orders;

namespace Intelligence.Processors.Tests.Orders;

public sealed class OrderExceptionTests
{
    [Theory]
    [InlineData("payment_hold")]
    [InlineData("address_validation")]
    [InlineData("fraud_review")]
    public void A_hold_opens_its_category_and_the_release_resolves_it(string reason)
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Held(reason);
        Assert.Equal(("open", "order", "ORD-1"), Of(o.Exception(reason)));
        Assert.Equal("on_hold", o.Order.Status);

        o.Released(reason);
        Assert.Equal(("resolved", "released"), (o.Exception(reason).Status, o.Exception(reason).Resolution));
        Assert.Equal("placed", o.Order.Status);
    }

    [Fact]
    public void Cancelling_a_held_order_resolves_its_hold()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Held("fraud_review").Cancelled();

        Assert.Equal(("resolved", "cancelled"), (o.Exception("fraud_review").Status, o.Exception("fraud_review").Resolution));
        Assert.Equal("cancelled", o.Order.Status);
    }

    [Fact]
    public void A_declined_payment_opens_a_payment_hold_that_a_good_authorisation_resolves()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Declined().Held("payment_hold");
        Assert.Equal(1, o.Exception("payment_hold").Occurrences);
        Assert.True(o.Exception("payment_hold").IsOpen);

        o.Authorized().Released("payment_hold");
        Assert.Equal(("resolved", "payment_authorized"), (o.Exception("payment_hold").Status, o.Exception("payment_hold").Resolution));
        Assert.Equal("authorized", o.Order.PaymentStatus);
    }

    [Fact]
    public void A_partial_allocation_opens_for_the_line_and_resolves_when_the_rest_is_allocated()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 3, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 3);
        var partial = o.Exception("partial_allocation", "ORD-1/L1");
        Assert.Equal(("open", "order-line", "ORD-1/L1"), Of(partial));
        Assert.Equal(("DC-EAST", "SKU-1"), (partial.Location, partial.Sku));

        o.Allocated("L1", "SKU-1", "DC-WEST", 2, 2);
        Assert.Equal(("resolved", "filled"), (o.Exception("partial_allocation", "ORD-1/L1").Status, o.Exception("partial_allocation", "ORD-1/L1").Resolution));
    }

    [Fact]
    public void A_partial_allocation_resolves_when_the_line_is_cancelled()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 3, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 3).Cancelled("L1");

        Assert.Equal("cancelled", o.Exception("partial_allocation", "ORD-1/L1").Resolution);
    }

    [Fact]
    public void A_zero_allocation_is_a_backorder_resolved_when_stock_is_allocated()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 2, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 0, 2);
        Assert.Equal(("open", "order-line", "ORD-1/L1"), Of(o.Exception("backorder", "ORD-1/L1")));
        Assert.Equal("backordered", o.Order.Status);

        o.Allocated("L1", "SKU-1", "DC-WEST", 1, 2);
        Assert.Equal("allocated", o.Exception("backorder", "ORD-1/L1").Resolution);
        Assert.True(o.Exception("partial_allocation", "ORD-1/L1").IsOpen);
    }

    [Fact]
    public void A_backorder_resolves_when_the_line_is_cancelled()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 2, 10m), ("L2", "SKU-2", 1, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 0, 2).Cancelled("L1");

        Assert.Equal("cancelled", o.Exception("backorder", "ORD-1/L1").Resolution);
    }

    [Fact]
    public void A_second_parcel_opens_a_split_shipment_resolved_once_every_parcel_is_delivered()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m), ("L2", "SKU-2", 1, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 1, 1).Allocated("L2", "SKU-2", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1));
        Assert.Null(o.Harness.Engine.Store("exception-queue").GetValueOrDefault("split_shipment:ORD-1"));

        o.Picked("L2", "SKU-2", "DC-EAST", 1).Dispatched("SHP-2", "DC-EAST", ("L2", "SKU-2", 1));
        Assert.Equal(("open", "order", "ORD-1"), Of(o.Exception("split_shipment")));

        o.Delivered("SHP-2");
        Assert.True(o.Exception("split_shipment").IsOpen);
        o.Delivered("SHP-1");
        Assert.Equal("delivered", o.Exception("split_shipment").Resolution);
    }

    [Fact]
    public void A_carrier_delay_opens_for_the_shipment_and_resolves_on_its_delivery()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-WEST", 1, 1)
            .Picked("L1", "SKU-1", "DC-WEST", 1).Dispatched("SHP-1", "DC-WEST", ("L1", "SKU-1", 1)).Delayed("SHP-1");
        var delay = o.Exception("carrier_delay", "SHP-1");
        Assert.Equal(("open", "shipment", "SHP-1"), Of(delay));
        Assert.Equal("DC-WEST", delay.Location);

        o.Delivered("SHP-1");
        Assert.Equal("delivered", o.Exception("carrier_delay", "SHP-1").Resolution);
    }

    [Fact]
    public void A_damaged_return_opens_and_resolves_when_the_order_is_refunded()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1)).Delivered("SHP-1")
            .ReturnRequested("R-1", "L1", "SKU-1", 1).ReturnReceived("R-1", "SKU-1", "DC-EAST", 1, "damaged");
        Assert.Equal(("open", "return", "R-1"), Of(o.Exception("damaged_return", "R-1")));

        o.Refunded();
        Assert.Equal("refunded", o.Exception("damaged_return", "R-1").Resolution);
    }

    [Fact]
    public void A_sellable_return_raises_nothing()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1)).Delivered("SHP-1")
            .ReturnRequested("R-1", "L1", "SKU-1", 1).ReturnReceived("R-1", "SKU-1", "DC-EAST", 1, "sellable");

        Assert.Empty(o.Harness.Engine.Store("exception-queue"));
    }

    [Fact]
    public void Exceptions_carry_the_orders_channel_value_tier_and_risk()
    {
        var o = new OrderScript(channel: "marketplace-ebay", tier: "silver").Placed(("L1", "SKU-1", 1, 245m)).Held("fraud_review");

        var held = o.Exception("fraud_review");
        Assert.Equal(("marketplace-ebay", 250m, "silver"), (held.Channel, held.OrderValue, held.CustomerTier));

        // 0.4 × 250/1000 + silver 0.15 + fraud review 0.4
        Assert.Equal(0.65, held.Risk, 3);
    }

    [Fact]
    public void The_risk_score_grows_with_value_tier_and_hold_and_is_capped_at_one()
    {
        var options = new OrdersOptions();

        Assert.Equal(0.05, OrderRisk.Score(options, 0m, "platinum", []), 3);
        // 0.4 × 0.5 + unknown tier 0.2 + the riskier hold (payment 0.3)
        Assert.Equal(0.7, OrderRisk.Score(options, 500m, "unknown-tier", ["address_validation", "payment_hold"]), 3);
        Assert.Equal(1.0, OrderRisk.Score(options, 9000m, "standard", ["fraud_review"]), 3);
    }

    private static (string?, string?, string?) Of(ExceptionState e) => (e.Status, e.EntityKind, e.EntityId);
}
