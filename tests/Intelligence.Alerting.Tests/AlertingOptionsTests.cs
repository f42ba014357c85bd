using Microsoft.Extensions.Configuration;

namespace Intelligence.Alerting.Tests;

public sealed class AlertingOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems_and_send_medium_and_up_to_the_console()
    {
        var options = new AlertingOptions();

        Assert.Empty(options.Problems());
        var route = Assert.Single(options.ActiveRoutes);
        Assert.Equal((AlertChannels.Console, "medium"), (route.Channel, route.MinimumSeverity));
        Assert.Equal((10_000, 8), (options.QueueCapacity, options.MaxAttempts));
        Assert.Equal((TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)),
            (options.InitialBackoff, options.MaxBackoff, options.Timeout));
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_key()
    {
        var options = new AlertingOptions
        {
            QueueCapacity = 0,
            MaxAttempts = 0,
            InitialBackoff = TimeSpan.FromMinutes(2),
            Timeout = TimeSpan.Zero,
            Routes =
            [
                new AlertRoute { Name = "planners", Channel = AlertChannels.Webhook, SecretVariable = TestAlerting.SecretVariable },
                new AlertRoute { Name = "", Channel = "pager", MinimumSeverity = "urgent" },
                new AlertRoute { Name = "planners", Teams = [""] },
            ],
        };

        var problems = string.Join("\n", options.Problems());

        Assert.Contains("Alerting:QueueCapacity", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:MaxAttempts", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:InitialBackoff", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Timeout", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Routes:0:Url must be an absolute http or https address", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Routes:1:Name is missing", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Routes:1:Channel 'pager' must be webhook or console", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Routes:1:MinimumSeverity 'urgent' must be one of low, medium, high, critical", problems, StringComparison.Ordinal);
        Assert.Contains("Alerting:Routes:2: Teams and Kinds must not hold empty entries", problems, StringComparison.Ordinal);
        Assert.Contains("2 routes named 'planners'", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_variable_that_is_not_set_is_named()
    {
        var options = TestAlerting.Options(TestAlerting.Webhook("planners", "https://alerts.example/hook") with
        {
            SecretVariable = "INTELLIGENCE_ALERTING_SECRET_NOBODY_SET",
        });

        var problem = Assert.Single(options.Problems());

        Assert.Equal("Alerting:Routes:0:SecretVariable names 'INTELLIGENCE_ALERTING_SECRET_NOBODY_SET', which is not set "
            + "(or empty) in this process's environment", problem);
    }

    [Fact]
    public void A_webhook_needs_exactly_one_secret_of_a_guessable_length_and_its_value_is_never_shown()
    {
        var file = Path.GetTempFileName();
        try
        {
            var route = TestAlerting.Webhook("planners", "https://alerts.example/hook") with { SecretVariable = null };
            File.WriteAllText(file, "short\n");

            Assert.Contains("without a secret", Assert.Single(TestAlerting.Options(route).Problems()), StringComparison.Ordinal);
            Assert.Contains("keep one", Assert.Single(TestAlerting.Options(route with
            {
                SecretVariable = TestAlerting.SecretVariable, SecretFile = file,
            }).Problems()), StringComparison.Ordinal);
            var tooShort = Assert.Single(TestAlerting.Options(route with { SecretFile = file }).Problems());
            Assert.Contains("shorter than 16 bytes", tooShort, StringComparison.Ordinal);
            Assert.DoesNotContain("short\n", tooShort, StringComparison.Ordinal);
            Assert.Contains("does not exist", Assert.Single(TestAlerting.Options(route with { SecretFile = file + ".missing" }).Problems()),
                StringComparison.Ordinal);

            File.WriteAllText(file, TestAlerting.Secret + "\n");
            Assert.Empty(TestAlerting.Options(route with { SecretFile = file }).Problems());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_dispatcher_refuses_options_with_problems()
    {
        var options = new AlertingOptions { MaxAttempts = 0 };

        var refused = Assert.Throws<ArgumentException>(() => new AlertDispatcher(options, new CapturedLog()));

        Assert.Contains("Alerting:MaxAttempts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_and_delivery_settings_bind_from_the_Alerting_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerting:QueueCapacity"] = "500",
            ["Alerting:MaxBackoff"] = "00:00:30",
            ["Alerting:Routes:0:Name"] = "planners",
            ["Alerting:Routes:0:Channel"] = "webhook",
            ["Alerting:Routes:0:Url"] = "https://alerts.example/hook",
            ["Alerting:Routes:0:SecretVariable"] = TestAlerting.SecretVariable,
            ["Alerting:Routes:0:MinimumSeverity"] = "high",
            ["Alerting:Routes:0:Teams:0"] = "planners",
            ["Alerting:Routes:0:Kinds:0"] = "demand_spike",
        }).Build();

        var options = configuration.GetSection(AlertingOptions.Section).Get<AlertingOptions>()!;

        Assert.Empty(options.Problems());
        Assert.Equal((500, TimeSpan.FromSeconds(30), 8), (options.QueueCapacity, options.MaxBackoff, options.MaxAttempts));
        var route = Assert.Single(options.ActiveRoutes);
        Assert.Equal(("planners", "high", "planners", "demand_spike"), (route.Name, route.MinimumSeverity, route.Teams[0], route.Kinds[0]));
    }
}
