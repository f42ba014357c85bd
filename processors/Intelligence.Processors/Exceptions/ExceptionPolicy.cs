namespace Intelligence.Processors.Exceptions;

/// <summary>What the policy decides for an exception: who owns it, how severe it is before escalation, and which rule said so.</summary>
public sealed record Triage(string Team, string Severity, string? RoutingRule);

/// <summary>
/// The exception queue's rules, read from <see cref="ExceptionPolicyOptions"/>: severity, SLA,
/// routing (first matching rule wins) and the priority score.
/// </summary>
public sealed class ExceptionPolicy(ExceptionPolicyOptions options)
{
    /// <summary>Priority points per severity: the bulk of the score, so a critical exception always outranks a low one.</summary>
    private static readonly int[] SeverityPoints = [10, 30, 50, 70];

    public ExceptionPolicyOptions Options => options;

    public Triage Assess(string category, ExceptionContext context)
    {
        var severity = options.Severities.GetValueOrDefault(category, ExceptionSeverity.Medium);
        foreach (var rule in options.RoutingRules)
        {
            if (rule.Matches(category, context))
            {
                return new Triage(rule.Team, ExceptionSeverity.Step(severity, rule.SeverityBump), rule.Name);
            }
        }

        return new Triage(options.Teams.GetValueOrDefault(category, options.DefaultTeam), severity, null);
    }

    /// <summary>The channel's own SLA for the category when one is set, else the category's, else the default.</summary>
    public TimeSpan SlaFor(string category, string? channel)
    {
        foreach (var o in options.ChannelSlas)
        {
            if (o.Category == category && o.Channel == channel)
            {
                return o.Sla;
            }
        }

        return options.Slas.GetValueOrDefault(category, options.DefaultSla);
    }

    /// <summary>When the second escalation is due, counted from opening.</summary>
    public TimeSpan SecondEscalationAfter(TimeSpan sla) => sla * options.SecondEscalationAfterSlas;

    /// <summary>
    /// 0 to 100, higher first: severity points (low 10, medium 30, high 50, critical 70) + one point per
    /// 100 EUR of order value (at most 10) + the tier's and the channel's points + risk × 10.
    /// </summary>
    public int Priority(string severity, ExceptionContext context)
    {
        var value = context.OrderValue is { } v ? (int)Math.Min(10m, Math.Max(0m, v) / 100m) : 0;
        var tier = context.CustomerTier is { } t ? options.TierPriority.GetValueOrDefault(t) : 0;
        var channel = context.Channel is { } c ? options.ChannelPriority.GetValueOrDefault(c) : 0;
        var risk = (int)Math.Round(Math.Clamp(context.Risk, 0, 1) * 10);
        return Math.Min(100, SeverityPoints[ExceptionSeverity.Rank(severity)] + value + tier + channel + risk);
    }
}
