using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Exceptions;

public sealed class ExceptionRoutingTests
{
    private static readonly ExceptionPolicyOptions Rules = new()
    {
        RoutingRules =
        [
            new() { Name = "big-web", Categories = ["backorder"], Channels = ["webstore"], MinimumOrderValue = 500m, Team = "vip_desk", SeverityBump = 2 },
            new() { Name = "gold", CustomerTiers = ["gold", "platinum"], Team = "care", SeverityBump = 1 },
            new() { Name = "risky", MinimumRisk = 0.6, Team = "fraud", SeverityBump = -1 },
            new() { Name = "any-web", Channels = ["webstore"], Team = "web_ops" },
        ],
    };

    private readonly ExceptionPolicy _policy = new(Rules);

    [Fact]
    public void The_first_matching_rule_wins_even_when_later_rules_match_too()
    {
        var triage = _policy.Assess("backorder", new ExceptionContext("webstore", 800m, "gold", Risk: 0.9));

        Assert.Equal(new Triage("vip_desk", "critical", "big-web"), triage);
    }

    [Fact]
    public void A_rule_whose_minimum_order_value_is_not_reached_is_skipped()
    {
        Assert.Equal("gold", _policy.Assess("backorder", new ExceptionContext("webstore", 499.99m, "gold")).RoutingRule);
        Assert.Equal("any-web", _policy.Assess("backorder", new ExceptionContext("webstore", null, "standard")).RoutingRule);
    }

    [Fact]
    public void Tier_risk_and_channel_conditions_each_decide_a_match()
    {
        Assert.Equal(new Triage("care", "high", "gold"), _policy.Assess("carrier_delay", new ExceptionContext("stores", 20m, "platinum")));
        Assert.Equal(new Triage("fraud", "low", "risky"), _policy.Assess("carrier_delay", new ExceptionContext("stores", 20m, "standard", Risk: 0.6)));
        Assert.Equal(new Triage("web_ops", "medium", "any-web"), _policy.Assess("carrier_delay", new ExceptionContext("webstore", Risk: 0.59)));
    }

    [Fact]
    public void With_no_matching_rule_the_category_team_and_severity_apply()
    {
        Assert.Equal(new Triage("transport", "medium", null), _policy.Assess("carrier_delay", new ExceptionContext("stores", 20m, "standard")));
        Assert.Equal(new Triage("operations", "medium", null), new ExceptionPolicy(Rules with { Teams = new Dictionary<string, string>() })
            .Assess("carrier_delay", new ExceptionContext("stores")));
    }

    [Fact]
    public void The_queue_routes_with_the_rules_from_its_options_and_writes_the_rule_used()
    {
        var harness = SignalInjector.Around(out var send, new ExceptionQueueFold(Rules));
        var id = ExceptionRaised.IdOf("backorder", "O-1/L1");
        send.Send(id, new ExceptionRaised(id, "backorder", "order-line", "O-1/L1", new ExceptionContext("webstore", 900m, "standard"), "none"),
            FoldHarness.T0);

        var row = harness.Latest<ExceptionRow>()[id];
        Assert.Equal(("vip_desk", "critical", "big-web"), (row.Team, row.Severity, row.RoutingRule));
    }

    [Fact]
    public void Priority_adds_severity_value_tier_channel_and_risk_points()
    {
        var policy = new ExceptionPolicy(new ExceptionPolicyOptions());

        // high 50 + 350 EUR 3 + platinum 8 + marketplace-amz 6 + risk 0.44 → 4
        Assert.Equal(71, policy.Priority("high", new ExceptionContext("marketplace-amz", 350m, "platinum", Risk: 0.44)));
        Assert.Equal(10, policy.Priority("low", new ExceptionContext()));
        Assert.Equal(100, policy.Priority("critical", new ExceptionContext("marketplace-amz", 5000m, "platinum", Risk: 1)));
    }

    [Fact]
    public void The_default_rules_send_big_fraud_reviews_to_senior_analysts_and_platinum_customers_to_vip_care()
    {
        var policy = new ExceptionPolicy(new ExceptionPolicyOptions());

        Assert.Equal(new Triage("fraud_senior", "critical", "high-value-fraud"),
            policy.Assess("fraud_review", new ExceptionContext("webstore", 1200m, "gold")));
        Assert.Equal(new Triage("fraud", "high", null), policy.Assess("fraud_review", new ExceptionContext("webstore", 300m, "gold")));
        Assert.Equal(new Triage("customer_care_vip", "high", "platinum-customers"),
            policy.Assess("carrier_delay", new ExceptionContext("webstore", 80m, "platinum")));
        Assert.Equal(new Triage("key_accounts", "medium", "wholesale-accounts"), policy.Assess("backorder", new ExceptionContext("wholesale", 800m, "trade")));
    }
}
