using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class StockPositionTests
{
    private const string Dc = "DC-EAST";

    [Fact]
    public void A_receipt_adds_to_on_hand_and_to_ats()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0);

        var row = run.Row(Dc);
        Assert.Equal((10, 10, 10), (row.OnHand, row.Ats, row.ProjectedAts));
    }

    [Fact]
    public void An_allocation_reserves_units_and_a_released_reservation_gives_them_back()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0).Allocate("O-1", Dc, 4, 1);
        Assert.Equal((10, 4, 6), (run.Row(Dc).OnHand, run.Row(Dc).Reserved, run.Row(Dc).Ats));

        run.Signal(StockKeys.Of(InventoryRun.Sku, Dc), new ReservationReleased(InventoryRun.Sku, Dc, 3), 2);

        Assert.Equal((10, 1, 9), (run.Row(Dc).OnHand, run.Row(Dc).Reserved, run.Row(Dc).Ats));
    }

    [Fact]
    public void A_pick_uses_up_its_reservation_short_units_included_and_takes_only_picked_units_off_the_shelf()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0).Allocate("O-1", Dc, 4, 1).Pick("O-1", Dc, 3, 2, shortQuantity: 1);

        var row = run.Row(Dc);
        Assert.Equal((7, 0, 7), (row.OnHand, row.Reserved, row.Ats));
    }

    [Fact]
    public void Only_a_sellable_return_goes_back_on_the_shelf()
    {
        var run = new InventoryRun().Receive(Dc, 5, 0).Return("O-1", Dc, 2, "sellable", 1).Return("O-2", Dc, 3, "damaged", 2);

        Assert.Equal(7, run.Row(Dc).OnHand);
    }

    [Fact]
    public void A_po_receipt_books_in_the_good_units_of_each_line_at_the_po_location()
    {
        var run = new InventoryRun().ReceivePo("PO-1", Dc, 0, ("SKU-1", 10, 2), ("SKU-2", 6, 0));

        Assert.Equal(8, run.Row(Dc).OnHand);
        Assert.Equal(6, run.Row(Dc, "SKU-2").OnHand);
    }

    [Fact]
    public void A_transfer_leaves_the_sender_at_once_and_counts_as_in_transit_until_it_arrives()
    {
        var run = new InventoryRun().Receive("DC-WEST", 20, 0).Dispatch("T-1", "DC-WEST", "STORE-01", 8, 10, expectedMinute: 600);

        var sender = run.Row("DC-WEST");
        var receiver = run.Row("STORE-01");
        Assert.Equal((12, 8), (sender.OnHand, sender.TransfersOut));
        Assert.Equal((0, 8, InventoryRun.At(600)), (receiver.OnHand, receiver.TransfersIn, run.Position("STORE-01").TransfersIn!["T-1"].ExpectedAt));
        Assert.Equal(-1 + 8, receiver.ProjectedAts); // one unit of store safety stock

        run.Arrive("T-1", "DC-WEST", "STORE-01", 8, 500);

        Assert.Equal((12, 0), (run.Row("DC-WEST").OnHand, run.Row("DC-WEST").TransfersOut));
        Assert.Equal((8, 0, 7), (run.Row("STORE-01").OnHand, run.Row("STORE-01").TransfersIn, run.Row("STORE-01").Ats));
    }

    [Fact]
    public void A_short_transfer_receipt_books_in_what_came_and_closes_the_transfer()
    {
        var run = new InventoryRun().Receive(Dc, 20, 0).Dispatch("T-1", Dc, "DC-WEST", 8, 10, 600).Arrive("T-1", Dc, "DC-WEST", 6, 500);

        Assert.Equal((6, 0), (run.Row("DC-WEST").OnHand, run.Row("DC-WEST").TransfersIn));
        Assert.Equal(0, run.Row(Dc).TransfersOut);
    }

    [Fact]
    public void Units_on_quality_hold_are_not_available_until_released()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0).Hold(Dc, 4, 1);
        Assert.Equal((10, 4, 6), (run.Row(Dc).OnHand, run.Row(Dc).QualityHold, run.Row(Dc).Ats));

        run.ReleaseHold(Dc, 4, 2);

        Assert.Equal((0, 10), (run.Row(Dc).QualityHold, run.Row(Dc).Ats));
    }

    [Fact]
    public void Projected_ats_adds_inbound_transfers_in_and_returns_in_transit_and_keeps_the_earliest_inbound_date()
    {
        var key = StockKeys.Of(InventoryRun.Sku, Dc);
        var run = new InventoryRun().Receive(Dc, 5, 0).Allocate("O-1", Dc, 2, 1)
            .Signal(key, new InboundChanged(InventoryRun.Sku, Dc, 30, InventoryRun.At(3000), "PO-1"), 2)
            .Signal(key, new InboundChanged(InventoryRun.Sku, Dc, 12, InventoryRun.At(2000), "PO-2"), 3)
            .Signal(key, new ReturnsInTransitChanged(InventoryRun.Sku, Dc, 2), 4)
            .Dispatch("T-1", "DC-WEST", Dc, 4, 5, 900);

        var row = run.Row(Dc);
        Assert.Equal((3, 42, 4, 2), (row.Ats, row.Inbound, row.TransfersIn, row.ReturnsInTransit));
        Assert.Equal(3 + 42 + 4 + 2, row.ProjectedAts);
        Assert.Equal(InventoryRun.At(2000), row.InboundExpectedAt);

        run.Signal(key, new InboundChanged(InventoryRun.Sku, Dc, -12, null, "PO-2"), 6);

        Assert.Equal((30, InventoryRun.At(3000)), (run.Row(Dc).Inbound, run.Row(Dc).InboundExpectedAt));
    }

    [Fact]
    public void Safety_stock_comes_off_ats_by_exact_location_then_longest_prefix_then_default()
    {
        var options = new InventoryOptions
        {
            DefaultSafetyStock = 2,
            SafetyStockByLocation = new Dictionary<string, int> { ["STORE-"] = 1, ["STORE-0"] = 3, ["STORE-01"] = 5 },
        };
        var run = new InventoryRun(options).Receive(Dc, 10, 0).Receive("STORE-01", 10, 0).Receive("STORE-02", 10, 0).Receive("STORE-10", 10, 0);

        Assert.Equal([8, 5, 7, 9], new[] { Dc, "STORE-01", "STORE-02", "STORE-10" }.Select(l => run.Row(l).Ats));
        Assert.Equal(2, run.Row(Dc).SafetyStock);
    }

    [Fact]
    public void The_channel_fold_hears_of_a_location_only_when_its_ats_changes()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0).Hold(Dc, 2, 1).Return("O-1", Dc, 1, "damaged", 2).ReleaseHold(Dc, 2, 3);
        var sent = run.Harness.Engine.Store("channel-ats")[InventoryRun.Sku].Revision;

        // receipt, hold and release change ATS; the damaged return changes nothing a channel sees
        Assert.Equal(3, sent);
        Assert.Equal(10, ((ChannelAtsState)run.Harness.Engine.Store("channel-ats")[InventoryRun.Sku]).LocationAts[Dc]);
    }

    [Fact]
    public void Cover_divides_ats_by_the_daily_units_picked_and_is_null_without_picks()
    {
        var run = new InventoryRun().Receive(Dc, 100, 0);
        Assert.Null(run.Row(Dc).CoverDays);

        // 20 units picked over the first two days: 10 a day, 80 units left is 8 days of cover
        run.Allocate("O-1", Dc, 10, 60).Pick("O-1", Dc, 10, 120).Allocate("O-2", Dc, 10, 1500).Pick("O-2", Dc, 10, 1560);

        Assert.Equal(8, run.Row(Dc).CoverDays);
        Assert.Equal((1.08, 0.0), (run.Row(Dc).DaysSinceReceipt, run.Row(Dc).DaysSincePick));
    }

    [Fact]
    public void Confidence_falls_with_time_since_the_last_count_and_with_adjustments()
    {
        var counted = new InventoryRun().Count(Dc, 50, 0).Receive(Dc, 1, 30 * 24 * 60);
        Assert.Equal(0.5, counted.Row(Dc).Confidence, 3);

        var adjusted = new InventoryRun().Count(Dc, 50, 0).Adjust(Dc, -5, 10).Adjust(Dc, -5, 20);
        var expected = Math.Exp(-(10.0 / (10 + 40)) - 0.05 * 2) * Math.Pow(0.5, 20.0 / 60 / 24 / 30);
        Assert.Equal(expected, adjusted.Row(Dc).Confidence, 3);
    }
}
