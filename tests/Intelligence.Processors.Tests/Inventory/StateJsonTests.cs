using System.Text.Json;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class StateJsonTests
{
    [Fact]
    public void Stock_and_channel_state_round_trip_through_json_with_default_options()
    {
        var run = new InventoryRun().Receive("DC-EAST", 40, 0).Allocate("O-1", "DC-EAST", 3, 1).Pick("O-1", "DC-EAST", 3, 2)
            .Dispatch("T-1", "DC-EAST", "DC-WEST", 5, 3, 900).Adjust("DC-EAST", -1, 4).Count("DC-EAST", 30, 5).Hold("DC-EAST", 2, 6)
            .Signal(StockKeys.Of(InventoryRun.Sku, "DC-EAST"), new InboundChanged(InventoryRun.Sku, "DC-EAST", 12, InventoryRun.At(3000), "PO-1"), 7)
            .Order("O-2", "webstore", 8, "PROMO-1", 2).Listing("webstore", 30, 9);

        var stock = run.Position("DC-EAST");
        var channels = (ChannelAtsState)run.Harness.Engine.Store("channel-ats")[InventoryRun.Sku];

        Assert.Equal(JsonSerializer.Serialize(stock), JsonSerializer.Serialize(JsonSerializer.Deserialize<StockPosition>(JsonSerializer.Serialize(stock))));
        Assert.Equal(JsonSerializer.Serialize(channels),
            JsonSerializer.Serialize(JsonSerializer.Deserialize<ChannelAtsState>(JsonSerializer.Serialize(channels))));
        Assert.Contains("\"PO-1\"", JsonSerializer.Serialize(stock), StringComparison.Ordinal);
        Assert.Contains("PROMO-1", JsonSerializer.Serialize(channels), StringComparison.Ordinal);
    }
}
