using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli.Tests;

public sealed class CommandLineTests
{
    private static readonly HashSet<string> Valued = ["data", "format"];
    private static readonly HashSet<string> Flags = ["write"];

    [Fact]
    public void Words_after_a_double_dash_are_arguments_even_when_they_start_with_dashes()
    {
        var line = CommandLine.Parse(["--data", "d", "--", "-- a comment\nSELECT 1", "--write"], Valued, Flags);

        Assert.Equal(["-- a comment\nSELECT 1", "--write"], line.Positional);
        Assert.False(line.Flag("write"));
        Assert.Equal("d", line.Value("data"));
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => CommandLine.Parse(["--data"], Valued, Flags));

    [Theory]
    [InlineData("Sink:MaxBackoff", "-00:00:01")]
    [InlineData("Sink:InitialBackoff", "00:00:00")]
    [InlineData("Ingest:MaxFutureSkew", "99999.00:00:00")]
    [InlineData("Ingest:MaxIdLength", "0")]
    [InlineData("EventLog:Partitions", "0")]
    public void An_unusable_setting_stops_the_start_naming_its_key(string key, string value)
    {
        var settings = new Settings(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build());

        var error = Assert.Throws<UsageException>(() => settings.Embedded());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_append_timeout_stops_the_start()
    {
        var settings = new Settings(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ingest:Http:AppendTimeout"] = "-00:00:01" }).Build());

        Assert.Contains("AppendTimeout", Assert.Throws<UsageException>(() => settings.Http("data")).Message, StringComparison.Ordinal);
    }
}
