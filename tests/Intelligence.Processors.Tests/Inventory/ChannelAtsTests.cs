using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class ChannelAtsTests
{
    private static readonly string[] Channels = ["webstore", "marketplace-amz", "marketplace-ebay", "stores", "wholesale"];

    [Fact]
    public void Each_channel_sells_the_ats_of_the_locations_it_may_sell_less_its_buffer()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Receive("DC-WEST", 20, 1).Receive("3PL-NORTH", 10, 2).Receive("STORE-01", 11, 3);

        Assert.Equal([60, 36, 18, 60, 40], Channels.Select(c => run.Channel(c).ChannelAts));
        var wholesale = run.Channel("wholesale");
        Assert.Equal((50, 20, 10), (wholesale.Pool, wholesale.ExcludedUnits, wholesale.Buffer));
        var stores = run.Channel("stores");
        Assert.Equal((60, 10), (stores.Pool, stores.ExcludedUnits)); // stores sell their shelves and the DCs, not the 3PL
        Assert.Equal(24, run.Channel("marketplace-amz").Buffer);
    }

    [Fact]
    public void Marketplaces_may_not_sell_store_stock()
    {
        var run = new InventoryRun().Receive("STORE-01", 41, 0);

        Assert.Equal((0, 40), (run.Channel("marketplace-amz").ChannelAts, run.Channel("marketplace-amz").ExcludedUnits));
        Assert.Equal(40, run.Channel("stores").ChannelAts);
    }

    [Fact]
    public void A_cap_limits_what_a_channel_may_show()
    {
        var run = new InventoryRun().Receive("DC-EAST", 400, 0);

        Assert.Equal(240, run.Channel("wholesale").ChannelAts);
        Assert.Equal(400, run.Channel("webstore").ChannelAts);
    }

    [Fact]
    public void When_stock_is_scarce_lower_priority_channels_leave_units_for_higher_priority_ones()
    {
        var run = new InventoryRun().Receive("DC-EAST", 15, 0);

        Assert.Equal([15, 6, 0, 15, 7], Channels.Select(c => run.Channel(c).ChannelAts));
        Assert.Equal([0, 3, 5, 0, 5], Channels.Select(c => run.Channel(c).ProtectedUnits));

        run.Receive("DC-EAST", 10, 1);

        Assert.Equal([25, 15, 7, 25, 20], Channels.Select(c => run.Channel(c).ChannelAts));
    }

    [Fact]
    public void A_location_short_of_stock_takes_nothing_from_the_others()
    {
        var run = new InventoryRun().Receive("DC-EAST", 2, 0).Allocate("O-1", "DC-EAST", 5, 1).Receive("DC-WEST", 30, 2);

        Assert.Equal(-3, run.Row("DC-EAST").Ats);
        Assert.Equal(30, run.Channel("webstore").ChannelAts);
    }

    [Fact]
    public void Configured_rules_replace_the_defaults()
    {
        var options = new InventoryOptions
        {
            Channels = new ChannelAllocationOptions
            {
                Rules = new Dictionary<string, ChannelRule>
                {
                    ["webstore"] = new() { ExcludedLocations = ["DC-WEST"], BufferPercent = 10, Cap = 25 },
                },
            },
        };
        var run = new InventoryRun(options).Receive("DC-EAST", 40, 0).Receive("DC-WEST", 50, 1);

        Assert.Equal((40, 50, 4, 25), (run.Channel("webstore").Pool, run.Channel("webstore").ExcludedUnits, run.Channel("webstore").Buffer,
            run.Channel("webstore").ChannelAts));
        Assert.DoesNotContain(run.Harness.RowsOf<ChannelAtsRow>(), r => r.Channel != "webstore");
    }

    [Fact]
    public void A_channel_ats_level_is_written_when_it_changes()
    {
        var run = new InventoryRun().Receive("DC-EAST", 30, 0).Receive("STORE-01", 5, 1).Receive("DC-EAST", 10, 2);

        var levels = run.Harness.RowsOf<KpiLevel>().Where(k => k.Entity == "sku-channel:SKU-1@webstore").Select(k => k.Value);
        Assert.Equal([30, 40], levels);
    }
}
