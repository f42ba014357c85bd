using System.Text.RegularExpressions;

namespace Intelligence.Grafana.Tests;

/// <summary>contact-points.yaml and policies.yaml agree, and every address they take from the environment is documented.</summary>
public sealed partial class ContactPointAndPolicyTests
{
    [Fact]
    public void Every_receiver_a_policy_routes_to_is_a_provisioned_contact_point()
    {
        var names = AlertingFiles.ContactPoints().ContactPoints.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var routed = AlertingFiles.Policies().Policies.SelectMany(p => p.SelfAndDescendants()).Select(p => p.Receiver).ToList();
        Assert.NotEmpty(routed);
        Assert.All(routed, receiver => Assert.Contains(receiver, names));
    }

    [Fact]
    public void Receiver_uids_are_unique_and_each_is_a_webhook_or_an_email()
    {
        var receivers = AlertingFiles.ContactPoints().ContactPoints.SelectMany(c => c.Receivers).ToList();
        Assert.Equal(receivers.Count, receivers.Select(r => r.Uid).Distinct(StringComparer.Ordinal).Count());
        Assert.All(receivers, r => Assert.Contains(r.Type, new[] { "webhook", "email" }));
        Assert.All(receivers.Where(r => r.Type == "webhook"), r => Assert.StartsWith("$", r.Settings["url"], StringComparison.Ordinal));
        Assert.All(receivers.Where(r => r.Type == "email"), r => Assert.StartsWith("$", r.Settings["addresses"], StringComparison.Ordinal));
    }

    [Fact]
    public void Critical_and_high_go_to_on_call_by_webhook_and_email_and_the_rest_to_slower_digests()
    {
        var root = AlertingFiles.Policies().Policies.Single();
        var urgent = root.Routes.Single(r => r.ObjectMatchers.Any(m => m[0] == "severity"));
        var matcher = new Regex("^(?:" + urgent.ObjectMatchers.Single()[2] + ")$");
        Assert.True(matcher.IsMatch("critical") && matcher.IsMatch("high"));
        Assert.False(matcher.IsMatch("medium") || matcher.IsMatch("low"));

        var onCall = AlertingFiles.ContactPoints().ContactPoints.Single(c => c.Name == urgent.Receiver);
        Assert.Equal(["email", "webhook"], onCall.Receivers.Select(r => r.Type).Order(StringComparer.Ordinal));

        var digests = root.Routes.Where(r => r != urgent).ToList();
        Assert.NotEmpty(digests);
        Assert.All(digests, d => Assert.True(
            Duration(d.GroupInterval ?? root.GroupInterval!) > Duration(urgent.GroupInterval!),
            $"{d.Receiver}: a digest groups over a longer interval than on-call"));
    }

    [Fact]
    public void Every_environment_variable_the_alerting_files_use_is_documented_under_Alerting_in_the_dashboards_README()
    {
        var readme = Repository.Read("dashboards", "README.md");
        var start = readme.IndexOf("\n## Alerting", StringComparison.Ordinal);
        Assert.True(start >= 0, "dashboards/README.md has no '## Alerting' section");
        var section = readme[start..];
        var next = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
        section = next > 0 ? section[..next] : section;

        var variables = Directory.GetFiles(Repository.Alerting, "*.yaml")
            .SelectMany(f => Variable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("ALERT_WEBHOOK_URL", variables);
        Assert.All(variables, v => Assert.Contains("`" + v + "`", section, StringComparison.Ordinal));
    }

    internal static TimeSpan Duration(string text)
    {
        var match = DurationPattern().Match(text);
        Assert.True(match.Success, $"not a duration: {text}");
        var amount = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    // Upper-case names after $ (or ${...}): environment variables, not templates such as $labels.
    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]*)\}?")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(\d+)([smhd])$")]
    private static partial Regex DurationPattern();
}
