using Intelligence.Processors.Exceptions;

namespace Intelligence.Alerting;

/// <summary>Where alert notices go and how hard delivery tries; configuration section <c>Alerting</c>.</summary>
public sealed record AlertingOptions
{
    public const string Section = "Alerting";

    /// <summary>The configured routes; none means <see cref="DefaultRoute"/>.</summary>
    public IReadOnlyList<AlertRoute> Routes { get; init; } = [];

    /// <summary>Notices each route holds while its receiver is slow; beyond it the oldest is dropped. Default 10,000.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Attempts per notice (the first included) before a route gives up on it. Default 8.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles per attempt up to <see cref="MaxBackoff"/>. Default 0.5 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, a receiver's <c>Retry-After</c> included. Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one webhook request may take. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long disposing the dispatcher waits for queued notices to go out. Default 10 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>With no routes configured: notices of severity medium and up, to the log.</summary>
    public static AlertRoute DefaultRoute { get; } = new()
    {
        Name = AlertChannels.Console,
        Channel = AlertChannels.Console,
        MinimumSeverity = ExceptionSeverity.Medium,
    };

    /// <summary>The routes notices take: the configured ones, or the default.</summary>
    public IReadOnlyList<AlertRoute> ActiveRoutes => Routes.Count == 0 ? [DefaultRoute] : Routes;

    /// <summary>Each invalid setting, named by its configuration key; empty when the options can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (QueueCapacity is < 1 or > 1_000_000)
        {
            yield return $"{Section}:QueueCapacity must be from 1 to 1000000 (is {QueueCapacity})";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"{Section}:MaxAttempts must be from 1 to 100 (is {MaxAttempts})";
        }

        if (InitialBackoff <= TimeSpan.Zero || InitialBackoff > MaxBackoff)
        {
            yield return $"{Section}:InitialBackoff must be above zero and at most MaxBackoff {MaxBackoff} (is {InitialBackoff})";
        }

        if (MaxBackoff <= TimeSpan.Zero || MaxBackoff > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:MaxBackoff must be above zero and at most 01:00:00 (is {MaxBackoff})";
        }

        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:Timeout must be from 00:00:00.1 to 00:05:00 (is {Timeout})";
        }

        if (DrainTimeout < TimeSpan.Zero || DrainTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{Section}:DrainTimeout must be from 00:00:00 to 00:10:00 (is {DrainTimeout})";
        }

        foreach (var problem in Routes.SelectMany((route, i) => RouteProblems(route, $"{Section}:Routes:{i}")))
        {
            yield return problem;
        }

        foreach (var same in Routes.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            yield return $"{Section}:Routes has {same.Count()} routes named '{same.Key}': each route needs its own name";
        }
    }

    private static IEnumerable<string> RouteProblems(AlertRoute route, string key)
    {
        if (string.IsNullOrWhiteSpace(route.Name))
        {
            yield return $"{key}:Name is missing: name the route (it is shown in counters and logs)";
        }

        if (!AlertChannels.IsKnown(route.Channel))
        {
            yield return $"{key}:Channel '{route.Channel}' must be {AlertChannels.Webhook} or {AlertChannels.Console}";
        }

        if (!ExceptionSeverity.IsLevel(route.MinimumSeverity))
        {
            yield return $"{key}:MinimumSeverity '{route.MinimumSeverity}' must be one of {string.Join(", ", ExceptionSeverity.Levels)}";
        }

        if (route.Teams.Any(string.IsNullOrWhiteSpace) || route.Kinds.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{key}: Teams and Kinds must not hold empty entries (leave a list empty to take all)";
        }

        if (route.IsWebhook)
        {
            if (!Uri.TryCreate(route.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{key}:Url must be an absolute http or https address for a webhook route";
            }

            if (RouteSecret.TryRead(route, key, out var secretProblem) is null)
            {
                yield return secretProblem!;
            }
        }
    }
}
