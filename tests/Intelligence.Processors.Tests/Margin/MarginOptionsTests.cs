using Intelligence.Processors.Margin;

namespace Intelligence.Processors.Tests.Margin;

public sealed class MarginOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new MarginOptions().Problems());
    }

    [Fact]
    public void Each_invalid_setting_is_named_with_its_valid_range()
    {
        var problems = new MarginOptions { MinimumRevenue = -1m, FeeCeilingPercent = 101m, MarginFloorPercent = -150m }.Problems().ToList();

        Assert.Equal(
            ["MinimumRevenue must be from 0 to 10000000 (is -1).", "MarginFloorPercent must be from -100 to 100 (is -150).",
                "FeeCeilingPercent must be from 0 to 100 (is 101)."],
            problems);
    }
}
