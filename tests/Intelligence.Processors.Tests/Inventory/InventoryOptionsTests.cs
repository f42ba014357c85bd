using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class InventoryOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new InventoryOptions().Problems());
    }

    [Fact]
    public void Each_invalid_setting_is_named_with_its_valid_range()
    {
        var options = new InventoryOptions
        {
            DefaultSafetyStock = -1,
            CountGrace = TimeSpan.Zero,
            OversellGrace = TimeSpan.FromDays(2),
            CoverWindowDays = 0,
            Channels = new ChannelAllocationOptions
            {
                SellRateWindow = TimeSpan.FromMinutes(1),
                MinimumSellRatePerHour = 0,
                DriftTolerancePercent = 150,
                Rules = new Dictionary<string, ChannelRule> { ["webstore"] = new() { Priority = 0, BufferPercent = -5, Cap = -1 } },
            },
        };

        var problems = options.Problems().ToList();

        Assert.Equal(10, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Inventory:CountGrace is", StringComparison.Ordinal) && p.Contains("00:01:00", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Inventory:Channels:Rules:webstore:Priority is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Inventory:Channels:DriftTolerancePercent is 150", StringComparison.Ordinal));
    }
}
