using System.Text.Json;
using Intelligence.Processors.Margin;

namespace Intelligence.Processors.Tests.Margin;

public sealed class MarginStateJsonTests
{
    [Fact]
    public void Margin_state_with_open_leaks_survives_a_json_round_trip()
    {
        var state = new MarginState
        {
            Sku = "SKU-1", Category = "home", Channel = "webstore", PromotionId = "P-1", Units = 3, Revenue = 90m, Discount = 30m,
            Cogs = 40m, Fees = 1.5m, Leaks = [LeakComponents.Discount, LeakComponents.Margin], Revision = 7,
        };

        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<MarginState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal((60m, 18.5m, 7L), (back.NetRevenue, back.Contribution, back.Revision));
        Assert.Equal([LeakComponents.Discount, LeakComponents.Margin], back.Leaks);
    }
}
