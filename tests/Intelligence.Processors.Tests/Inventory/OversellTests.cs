using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class OversellTests
{
    private const string Dc = "DC-EAST";
    private static readonly string Entity = StockKeys.Of(InventoryRun.Sku, Dc);

    [Fact]
    public void Reserving_more_than_on_hand_raises_an_oversell_once_it_outlasts_the_grace_period()
    {
        var run = new InventoryRun().Receive(Dc, 3, 0).Allocate("O-1", Dc, 5, 10);
        Assert.True(run.Row(Dc).Oversold);

        run.AdvanceTo(24);
        Assert.Null(run.Exception(ExceptionCategories.Oversell, Entity));

        run.AdvanceTo(25);
        var raised = Assert.Single(run.Exception(ExceptionCategories.Oversell, Entity)!.Raised);
        Assert.Equal((Dc, InventoryRun.Sku), (raised.Context.Location, raised.Context.Sku));
        Assert.Equal(2 / 5.0, raised.Context.Risk, 3);
        Assert.Contains("5 reserved", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_within_the_grace_period_means_no_oversell_is_raised()
    {
        var run = new InventoryRun().Receive(Dc, 3, 0).Allocate("O-1", Dc, 5, 10).Receive(Dc, 4, 20).AdvanceTo(120);

        Assert.Null(run.Exception(ExceptionCategories.Oversell, Entity));
        Assert.False(run.Row(Dc).Oversold);
    }

    [Fact]
    public void A_hold_that_leaves_reserved_units_without_stock_is_an_oversell_and_resolves_when_released()
    {
        var run = new InventoryRun().Receive(Dc, 5, 0).Allocate("O-1", Dc, 4, 1).Hold(Dc, 3, 2).AdvanceTo(30);
        Assert.True(run.Exception(ExceptionCategories.Oversell, Entity)!.Open);

        run.ReleaseHold(Dc, 3, 40);

        var entry = run.Exception(ExceptionCategories.Oversell, Entity)!;
        Assert.False(entry.Open);
        Assert.Equal(["recovered"], entry.Resolutions);
    }

    [Fact]
    public void A_count_that_finds_too_little_for_the_reservations_raises_an_oversell_that_a_short_pick_resolves()
    {
        var run = new InventoryRun().Receive(Dc, 6, 0).Allocate("O-1", Dc, 6, 1).Count(Dc, 4, 2).AdvanceTo(20);
        Assert.True(run.Exception(ExceptionCategories.Oversell, Entity)!.Open);

        run.Pick("O-1", Dc, 4, 30, shortQuantity: 2);

        Assert.False(run.Exception(ExceptionCategories.Oversell, Entity)!.Open);
        Assert.Equal((0, 0), (run.Row(Dc).OnHand, run.Row(Dc).Reserved));
    }
}
