using Intelligence.Cli.Evaluation;
using Intelligence.Processors.Alerts;
using Intelligence.Simulator;

namespace Intelligence.Cli.Tests;

public sealed class ScenarioScorecardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 9, 18, 0, 0, TimeSpan.Zero);

    private static readonly ScenarioTruth Flash = new(
        Scenario.FlashPromotion, "promotion", "PROMO-FLASH-01", "flash", Start, Start.AddHours(19), new Dictionary<string, string>());

    private static readonly ScenarioTruth Returns = new(
        Scenario.HighReturnRate, "product-line", "home", "returns", Start, Start.AddDays(7), new Dictionary<string, string>());

    [Fact]
    public void A_scenario_is_found_by_the_first_alert_naming_its_entity_in_its_window_and_the_rest_are_false()
    {
        var notices = new[]
        {
            Notice("demand_spike:channel:marketplace-amz", "anomaly", Start.AddHours(-5), "channel:marketplace-amz"), // before the window: false
            Notice("demand_spike:channel:marketplace-amz", "anomaly", Start.AddHours(3), "channel:marketplace-amz", "promotion:PROMO-FLASH-01"),
            Notice("oversell_risk:SKU-1@marketplace-amz", "operational", Start.AddHours(5), "sku-channel:SKU-1@marketplace-amz"),
            Notice("return_rate_quality:home", "operational", Start.AddDays(3), "category:home"),
            Told("return_rate_quality:home", "operational", Start.AddDays(3), AlertChanges.Updated, "category:home"),
        };

        var card = new ScenarioScorecard([Flash, Returns], notices, TimeSpan.FromDays(10));

        var flash = card.Findings.Single(f => f.Truth.Scenario == Scenario.FlashPromotion);
        Assert.True(flash.Detected);
        Assert.Equal(TimeSpan.FromHours(3), flash.Delay);
        Assert.Equal(TimeSpan.FromHours(3), flash.AnomalyDelay);
        Assert.Null(flash.OperationalDelay);
        var returns = card.Findings.Single(f => f.Truth.Scenario == Scenario.HighReturnRate);
        Assert.Equal("category:home", returns.Entity);
        Assert.Equal(TimeSpan.FromDays(3), returns.OperationalDelay);
        Assert.Equal(1, returns.Alerts); // an update is not another alert
        Assert.Equal(0.1, card.FalseAlertsPerDay("operational"), 6); // the oversell risk names no scenario's entity
        Assert.Equal(0.1, card.FalseAlertsPerDay("anomaly"), 6); // the early spike names the channel, not the promotion
    }

    [Fact]
    public void A_scenario_no_alert_names_is_not_found()
    {
        var card = new ScenarioScorecard([Flash], [], TimeSpan.FromDays(10));

        Assert.False(card.Findings.Single().Detected);
        Assert.Null(card.Findings.Single().Delay);
    }

    private static AlertNotice Notice(string id, string source, DateTimeOffset at, params string[] causes) =>
        Told(id, source, at, AlertChanges.Opened, causes);

    private static AlertNotice Told(string id, string source, DateTimeOffset at, string change, params string[] causes) =>
        new(id, 1, change, at, id.Split(':')[0], source, "open", "high", "planning", "m", causes[0], 1, 0, 0, "", causes, "", "", "", at, 1);
}
