using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;

namespace Intelligence.Alerting;

/// <summary>Where a share of the notices goes: one entry of <c>Alerting:Routes</c>.</summary>
public sealed record AlertRoute
{
    /// <summary>Names the route in counters and logs; unique.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>webhook</c> or <c>console</c> (see <see cref="AlertChannels"/>).</summary>
    public string Channel { get; init; } = AlertChannels.Console;

    /// <summary>Where a webhook route POSTs; http or https.</summary>
    public string? Url { get; init; }

    /// <summary>The environment variable that holds a webhook route's HMAC secret.</summary>
    public string? SecretVariable { get; init; }

    /// <summary>Or the file that holds it (a trailing line break is ignored).</summary>
    public string? SecretFile { get; init; }

    /// <summary>The lowest severity the route takes: <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public string MinimumSeverity { get; init; } = ExceptionSeverity.Low;

    /// <summary>The teams whose notices the route takes; empty takes every team.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>The alert kinds (<c>demand_spike</c>, <c>sla_breach</c>...) the route takes; empty takes every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    public bool IsWebhook => string.Equals(Channel, AlertChannels.Webhook, StringComparison.OrdinalIgnoreCase);

    public bool Accepts(AlertNotice notice) =>
        ExceptionSeverity.Rank(notice.Severity) >= ExceptionSeverity.Rank(MinimumSeverity)
        && (Teams.Count == 0 || Teams.Contains(notice.Team, StringComparer.OrdinalIgnoreCase))
        && (Kinds.Count == 0 || Kinds.Contains(notice.Kind, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The words of <see cref="AlertRoute.Channel"/>.</summary>
public static class AlertChannels
{
    public const string Webhook = "webhook";
    public const string Console = "console";

    public static bool IsKnown(string? channel) =>
        string.Equals(channel, Webhook, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channel, Console, StringComparison.OrdinalIgnoreCase);
}
