using Intelligence.Processors.Inventory;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class ListingDriftTests
{
    private const string Web = "webstore";
    private const string Entity = $"{InventoryRun.Sku}@{Web}";

    [Fact]
    public void A_listing_showing_more_than_the_channel_has_raises_listing_drift()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Listing(Web, 45, 10);

        Assert.Equal((45, 15), (run.Channel(Web).ListedQuantity, run.Channel(Web).Drift));
        var raised = Assert.Single(run.Exception(ExceptionCategories.ListingDrift, Entity)!.Raised);
        Assert.Contains("shows 45 units", raised.Detail, StringComparison.Ordinal);
        Assert.Single(run.Harness.RowsOf<KpiCount>(), k => k is { Metric: "listing_drift_units", Entity: "channel:webstore", Value: 15 });
    }

    [Fact]
    public void Drift_within_the_tolerance_is_measured_but_not_raised()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Listing(Web, 40, 10).Listing(Web, 26, 20);

        Assert.Null(run.Exception(ExceptionCategories.ListingDrift, Entity));
        Assert.Equal([10, 4], run.Harness.RowsOf<KpiCount>().Where(k => k.Metric == "listing_drift_units").Select(k => k.Value));
        Assert.Equal(-4, run.Channel(Web).Drift);
    }

    [Fact]
    public void A_corrected_listing_resolves_the_drift()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Listing(Web, 45, 10).Listing(Web, 32, 20);

        var entry = run.Exception(ExceptionCategories.ListingDrift, Entity)!;
        Assert.Equal((false, "listing_corrected"), (entry.Open, entry.Resolutions.Single()));
    }

    [Fact]
    public void Stock_that_catches_up_with_the_listing_resolves_the_drift()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Listing(Web, 45, 10).Receive("DC-WEST", 20, 20);

        var entry = run.Exception(ExceptionCategories.ListingDrift, Entity)!;
        Assert.Equal((false, "stock_caught_up"), (entry.Open, entry.Resolutions.Single()));
        Assert.Equal(-5, run.Channel(Web).Drift);
    }

    [Fact]
    public void A_listing_for_stock_no_location_has_reported_is_not_judged()
    {
        var run = new InventoryRun().Listing(Web, 45, 10);

        Assert.Null(run.Exception(ExceptionCategories.ListingDrift, Entity));
        Assert.Null(run.Channel(Web).Drift);
    }

    [Fact]
    public void A_row_written_at_the_end_of_a_batch_shows_the_drift_it_had_when_it_last_changed()
    {
        // A location that reports no stock after the listing changes none of the channel's figures, so no new row:
        // the embedded runtime, which writes the row once at the end of the batch, must not show a drift the row never had.
        var atOnce = new InventoryRun().Listing(Web, 0, 10).Count("DC-EAST", 0, 20);
        var deferred = new InventoryRun();
        deferred.Harness.Engine.DeferLatestRows = true;
        deferred.Listing(Web, 0, 10).Count("DC-EAST", 0, 20);
        deferred.Harness.Engine.WriteChanged(deferred.Harness);

        Assert.Null(atOnce.Channel(Web).Drift);
        Assert.Equal(atOnce.Channel(Web), deferred.Channel(Web));
        Assert.Single(deferred.Harness.RowsOf<ChannelAtsRow>(), r => r.Channel == Web);
    }
}
