using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Orders;

public sealed class OrderLifecycleTests
{
    [Fact]
    public void A_placed_order_is_written_with_its_value_units_and_channel_counts()
    {
        var o = new OrderScript(channel: "marketplace-amz", tier: "gold").Placed(("L1", "SKU-1", 2, 10m), ("L2", "SKU-2", 1, 30m));

        var row = o.Harness.Latest<OrderRow>()["ORD-1"];
        Assert.Equal(("marketplace-amz", "gold", 55m, "placed", 3L), (row.Channel, row.CustomerTier, row.OrderValue, row.Status, row.UnitsOrdered));
        Assert.Equal(1, Kpi(o, "orders_placed"));
        Assert.Equal(55, Kpi(o, "order_value"));
        Assert.Equal(3, Kpi(o, "units_ordered"));
        Assert.All(o.Harness.RowsOf<KpiCount>(), k => Assert.Equal("channel:marketplace-amz", k.Entity));
    }

    [Fact]
    public void An_order_goes_from_placed_through_allocation_pick_and_parcel_to_delivered_on_time()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 2, 10m));
        Assert.Equal("partially_allocated", o.Allocated("L1", "SKU-1", "DC-EAST", 1, 2).Order.Status);
        Assert.Equal("allocated", o.Allocated("L1", "SKU-1", "DC-EAST", 1, 1).Order.Status);
        Assert.Equal("picked", o.Picked("L1", "SKU-1", "DC-EAST", 2).Order.Status);
        Assert.Equal("shipped", o.Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 2)).Order.Status);
        o.After(TimeSpan.FromHours(20)).Delivered("SHP-1");

        var row = o.Harness.Latest<OrderRow>()["ORD-1"];
        Assert.Equal(("delivered", 2L, 2L, 2L, 1L, true), (row.Status, row.UnitsAllocated, row.UnitsShipped, row.UnitsDelivered, row.Shipments, row.OnTime));
        Assert.Equal(FoldHarness.T0.AddDays(3), row.PromisedBy);
        Assert.Equal(o.Now.AddMinutes(-1), row.DeliveredAt);
        Assert.Equal(1, Kpi(o, "orders_delivered"));
        Assert.Equal(1, Kpi(o, "orders_delivered_on_time"));
        Assert.Equal(2, Kpi(o, "units_shipped"));
        Assert.Equal((row.DeliveredAt!.Value - FoldHarness.T0).TotalHours, Kpi(o, "order_cycle_hours"), 6);
    }

    [Fact]
    public void A_delivery_after_the_promise_is_not_on_time()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1))
            .After(TimeSpan.FromDays(4)).Delivered("SHP-1");

        Assert.False(o.Harness.Latest<OrderRow>()["ORD-1"].OnTime);
        Assert.Equal(1, Kpi(o, "orders_delivered"));
        Assert.Equal(0, Kpi(o, "orders_delivered_on_time"));
    }

    [Fact]
    public void Cancelling_an_order_releases_what_each_location_still_reserves_and_counts_it_once()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 5, 10m), ("L2", "SKU-2", 1, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 3, 5).Allocated("L1", "SKU-1", "DC-WEST", 2, 2)
            .Picked("L1", "SKU-1", "DC-EAST", 1, shortQuantity: 1)
            .Cancelled().Cancelled();

        var released = o.Signals.Of<ReservationReleased>().ToList();
        Assert.Equal([("SKU-1@DC-EAST", new ReservationReleased("SKU-1", "DC-EAST", 1)), ("SKU-1@DC-WEST", new ReservationReleased("SKU-1", "DC-WEST", 2))],
            released);
        Assert.Equal(["DC-EAST:1", "DC-WEST:2"], o.Signals.Of<AllocationReleased>().Select(s => $"{s.Key}:{s.Signal.Units}"));
        var row = o.Harness.Latest<OrderRow>()["ORD-1"];
        Assert.Equal(("cancelled", 6L), (row.Status, row.UnitsCancelled));
        Assert.Equal(1, Kpi(o, "orders_cancelled"));
    }

    [Fact]
    public void Cancelling_one_line_releases_only_that_line_and_leaves_the_order_going()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m), ("L2", "SKU-2", 2, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 1, 1).Allocated("L2", "SKU-2", "DC-EAST", 2, 2)
            .Cancelled("L2");

        Assert.Equal([new ReservationReleased("SKU-2", "DC-EAST", 2)], o.Signals.Of<ReservationReleased>().Select(s => s.Signal));
        Assert.Equal("allocated", o.Order.Status);
        Assert.Equal(0, Kpi(o, "orders_cancelled"));
    }

    [Fact]
    public void An_order_whose_missing_units_were_never_allocated_is_partially_delivered()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 1, 10m), ("L2", "SKU-2", 3, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 1, 1).Allocated("L2", "SKU-2", "DC-EAST", 1, 3)
            .Picked("L1", "SKU-1", "DC-EAST", 1).Picked("L2", "SKU-2", "DC-EAST", 1)
            .Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1), ("L2", "SKU-2", 1)).Delivered("SHP-1");

        Assert.Equal("partially_delivered", o.Order.Status);
        Assert.Equal(0, Kpi(o, "orders_delivered"));
    }

    [Fact]
    public void A_return_is_in_transit_at_the_node_the_line_shipped_from_until_it_is_received()
    {
        var o = Delivered(new OrderScript(), quantity: 3, location: "3PL-NORTH")
            .ReturnRequested("R-1", "L1", "SKU-1", 2)
            .ReturnReceived("R-1", "SKU-1", "3PL-NORTH", 2, "sellable")
            .ReturnReceived("R-1", "SKU-1", "3PL-NORTH", 2, "sellable");

        Assert.Equal([("SKU-1@3PL-NORTH", 2), ("SKU-1@3PL-NORTH", -2)], o.Signals.Of<ReturnsInTransitChanged>().Select(s => (s.Key, s.Signal.Delta)));
        Assert.Equal(2L, o.Harness.Latest<OrderRow>()["ORD-1"].UnitsReturned);
    }

    [Fact]
    public void A_return_never_received_leaves_returns_in_transit_after_the_expiry()
    {
        var o = Delivered(new OrderScript(orders: new OrdersOptions { ReturnInTransitExpiry = TimeSpan.FromDays(10) }), 1, "DC-WEST")
            .ReturnRequested("R-1", "L1", "SKU-1", 1);
        o.Harness.AdvanceTo(o.Now.AddDays(9));
        Assert.Single(o.Signals.Of<ReturnsInTransitChanged>());

        o.Harness.AdvanceTo(o.Now.AddDays(11));
        Assert.Equal([1, -1], o.Signals.Of<ReturnsInTransitChanged>().Select(s => s.Signal.Delta));
        Assert.Equal(0, o.Order.Returns["R-1"].InTransit);
    }

    [Fact]
    public void Delivery_tells_each_sku_how_many_units_reached_customers_of_the_channel()
    {
        var o = new OrderScript(channel: "webstore").Placed(("L1", "SKU-1", 2, 10m), ("L2", "SKU-2", 1, 10m))
            .Allocated("L1", "SKU-1", "DC-EAST", 2, 2).Allocated("L2", "SKU-2", "DC-EAST", 1, 1)
            .Picked("L1", "SKU-1", "DC-EAST", 2).Picked("L2", "SKU-2", "DC-EAST", 1)
            .Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 2), ("L2", "SKU-2", 1)).Delivered("SHP-1").Delivered("SHP-1");

        Assert.Equal([("SKU-1", new UnitsDelivered("SKU-1", "webstore", 2)), ("SKU-2", new UnitsDelivered("SKU-2", "webstore", 1))],
            o.Signals.Of<UnitsDelivered>().ToList());
    }

    [Fact]
    public void The_node_hears_of_each_allocation_pick_with_its_delay_and_parcel()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 2, 10m)).Allocated("L1", "SKU-1", "DC-EAST", 2, 2)
            .After(TimeSpan.FromMinutes(44)).Picked("L1", "SKU-1", "DC-EAST", 1, shortQuantity: 1)
            .Dispatched("SHP-1", "DC-EAST", ("L1", "SKU-1", 1));

        Assert.Equal(("DC-EAST", 2), o.Signals.Of<LineAllocated>().Select(s => (s.Key, s.Signal.Units)).Single());
        var pick = o.Signals.Of<LinePicked>().Single();
        Assert.Equal(("DC-EAST", 1, 1, 45.0), (pick.Key, pick.Signal.Units, pick.Signal.ShortUnits, pick.Signal.PickDelayMinutes));
        Assert.Equal("L1:1", o.Signals.Of<ParcelDispatched>().Single().Signal.Lines.Select(l => $"{l.LineId}:{l.Units}").Single());
        Assert.Equal("shipped", o.Order.Status);
    }

    private static OrderScript Delivered(OrderScript o, int quantity, string location) =>
        o.Placed(("L1", "SKU-1", quantity, 10m)).Allocated("L1", "SKU-1", location, quantity, quantity)
            .Picked("L1", "SKU-1", location, quantity).Dispatched("SHP-1", location, ("L1", "SKU-1", quantity)).Delivered("SHP-1");

    private static double Kpi(OrderScript o, string metric) =>
        o.Harness.RowsOf<KpiCount>().Where(k => k.Metric == metric).Sum(k => k.Value);
}
