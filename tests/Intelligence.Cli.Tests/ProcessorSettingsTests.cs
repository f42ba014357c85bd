using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli.Tests;

public sealed class ProcessorSettingsTests
{
    [Fact]
    public void Configured_routing_rules_replace_the_defaults_instead_of_adding_to_them()
    {
        var settings = new Settings(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Processors:Exceptions:RoutingRules:0:Name"] = "vip",
            ["Processors:Exceptions:RoutingRules:0:Team"] = "concierge",
            ["Processors:Exceptions:RoutingRules:0:CustomerTiers:0"] = "platinum",
        }).Build());

        var rules = settings.Embedded().Processors.Exceptions.RoutingRules;

        var rule = Assert.Single(rules);
        Assert.Equal("concierge", rule.Team);
        Assert.Equal(["platinum"], rule.CustomerTiers);
    }

    [Fact]
    public void Without_a_processors_section_every_default_stands()
    {
        var settings = new Settings(new ConfigurationBuilder().Build());

        var processors = settings.Embedded().Processors;

        Assert.Equal(new Intelligence.Processors.ProcessorOptions().Exceptions.RoutingRules.Count, processors.Exceptions.RoutingRules.Count);
        Assert.Equal(new Intelligence.Processors.ProcessorOptions().Returns.ReturnLagProfile, processors.Returns.ReturnLagProfile);
    }

    [Fact]
    public void An_invalid_processor_setting_stops_the_start_with_the_setting_named()
    {
        var settings = new Settings(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Processors:Quality:LateAfter"] = "-00:01:00",
        }).Build());

        var error = Assert.Throws<UsageException>(() => settings.Embedded());

        Assert.Contains("LateAfter", error.Message, StringComparison.Ordinal);
    }
}
