using Intelligence.Processors.Finance;

namespace Intelligence.Processors.Tests.Finance;

public sealed class FinanceOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new FinanceOptions().Problems());
    }

    [Fact]
    public void Each_invalid_setting_is_named_with_its_valid_range()
    {
        var options = new FinanceOptions
        {
            SettlementCadence = new Dictionary<string, TimeSpan> { ["stripe"] = TimeSpan.Zero },
            SettlementGrace = TimeSpan.FromDays(-1),
            MatchTolerance = -1m,
        };

        var problems = options.Problems().ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("SettlementCadence[stripe] must be more than 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("SettlementGrace must be from 0 to 60 days", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MatchTolerance must be from 0 to 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Settlement_is_due_a_providers_cadence_and_grace_after_its_money_moves()
    {
        var options = new FinanceOptions();

        Assert.Equal(TimeSpan.FromDays(3), options.DueAfter("stripe"));
        Assert.Equal(TimeSpan.FromDays(4), options.DueAfter("amazon"));
        Assert.Equal(TimeSpan.FromDays(4), options.DueAfter("unheard-of"));
    }
}
