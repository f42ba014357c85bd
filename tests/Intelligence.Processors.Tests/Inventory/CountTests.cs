using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class CountTests
{
    private const string Dc = "DC-EAST";

    [Fact]
    public void A_count_replaces_on_hand()
    {
        var run = new InventoryRun().Receive(Dc, 10, 0).Count(Dc, 7, 10);

        Assert.Equal((7, InventoryRun.At(10)), (run.Row(Dc).OnHand, run.Row(Dc).LastCountAt));
    }

    [Fact]
    public void A_movement_at_or_before_the_last_count_is_already_in_it_and_moves_only_the_reservation()
    {
        // The pick (keyed by order) is delivered after the count that already saw its units gone.
        var run = new InventoryRun().Receive(Dc, 10, 0).Allocate("O-1", Dc, 2, 5).Count(Dc, 8, 20).Pick("O-1", Dc, 2, 15);

        var row = run.Row(Dc);
        Assert.Equal((8, 0), (row.OnHand, row.Reserved));

        run.Adjust(Dc, -1, 20);
        Assert.Equal(8, run.Row(Dc).OnHand);
    }

    [Fact]
    public void A_late_count_is_rebased_on_the_movements_after_it()
    {
        // Counted 10 at minute 30; the receipt at 40 and the pick at 50 were applied before the count arrived.
        var run = new InventoryRun().Receive(Dc, 12, 0).Allocate("O-1", Dc, 3, 10).Receive(Dc, 5, 40).Pick("O-1", Dc, 3, 50)
            .Count(Dc, 10, 30);

        Assert.Equal(10 + 5 - 3, run.Row(Dc).OnHand);
        Assert.Single(run.Harness.RowsOf<KpiCount>(), k => k.Metric == "count_rebased" && k.Entity == $"node:{Dc}");

        // a movement before the count arriving later still is in the count
        run.Adjust(Dc, -2, 25);
        Assert.Equal(12, run.Row(Dc).OnHand);
    }

    [Fact]
    public void A_count_older_than_the_grace_period_stands_as_counted()
    {
        var run = new InventoryRun(new InventoryOptions { CountGrace = TimeSpan.FromHours(1) })
            .Receive(Dc, 12, 0).Receive(Dc, 5, 180).Count(Dc, 10, 60);

        Assert.Equal(10, run.Row(Dc).OnHand);
        Assert.Single(run.Harness.RowsOf<KpiCount>(), k => k.Metric == "count_past_grace");
        Assert.DoesNotContain(run.Harness.RowsOf<KpiCount>(), k => k.Metric == "count_rebased");
    }

    [Fact]
    public void A_count_within_the_grace_period_is_rebased_however_late_it_arrives()
    {
        var run = new InventoryRun(new InventoryOptions { CountGrace = TimeSpan.FromHours(4) })
            .Receive(Dc, 12, 0).Receive(Dc, 5, 180).Count(Dc, 10, 60);

        Assert.Equal(15, run.Row(Dc).OnHand);
    }

    [Fact]
    public void A_count_older_than_the_last_count_changes_nothing()
    {
        var run = new InventoryRun().Receive(Dc, 12, 0).Count(Dc, 9, 30).Receive(Dc, 1, 40).Count(Dc, 4, 20);

        Assert.Equal((10, InventoryRun.At(30)), (run.Row(Dc).OnHand, run.Row(Dc).LastCountAt));
        Assert.Single(run.Harness.RowsOf<KpiCount>(), k => k.Metric == "count_superseded");
    }

    [Fact]
    public void The_same_events_in_any_order_settle_on_the_same_on_hand()
    {
        var inOrder = new InventoryRun().Receive(Dc, 12, 0).Allocate("O-1", Dc, 3, 10).Count(Dc, 11, 20).Pick("O-1", Dc, 3, 30)
            .Adjust(Dc, -1, 40);
        var shuffled = new InventoryRun().Adjust(Dc, -1, 40).Allocate("O-1", Dc, 3, 10).Pick("O-1", Dc, 3, 30).Receive(Dc, 12, 0)
            .Count(Dc, 11, 20);

        Assert.Equal(7, inOrder.Row(Dc).OnHand);
        Assert.Equal(inOrder.Row(Dc).OnHand, shuffled.Row(Dc).OnHand);
        Assert.Equal(inOrder.Row(Dc).Reserved, shuffled.Row(Dc).Reserved);
    }
}
