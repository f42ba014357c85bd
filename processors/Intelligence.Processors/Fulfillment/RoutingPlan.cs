namespace Intelligence.Processors.Fulfillment;

/// <summary>One target of a plan: how many lines per hour to send there, and why it can take them.</summary>
public sealed record RoutingShare(string Node, double LinesPerHour, double SparePerHour, double BacklogHours);

/// <summary>
/// How much new allocation to divert from a backed-up node, and where: the excess is inflow −
/// throughput (at least 0) plus backlog ÷ drain hours, spread over the eligible nodes
/// (<see cref="FulfillmentOptions.RoutingTargets"/>, not backed up, with at least the minimum spare)
/// with the most spare capacity, at most the configured number of them, in proportion to their
/// spare and never more than it.
/// </summary>
public sealed record RoutingPlan(string From, double LinesPerHour, IReadOnlyList<RoutingShare> Shares)
{
    public static RoutingPlan For(string from, NodeLoadSeen load, IReadOnlyDictionary<string, NodeLoadSeen> nodes, FulfillmentOptions options)
    {
        var excess = Math.Round(Math.Max(0, load.InflowPerHour - load.ThroughputPerHour) + load.BacklogLines / options.DrainHours, 1);
        var candidates = nodes
            .Where(n => n.Key != from && !n.Value.BackedUp && Eligible(n.Key, options)
                && n.Value.SparePerHour >= Math.Max(options.MinimumSpareLinesPerHour, 0.1))
            .OrderByDescending(n => n.Value.SparePerHour).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Take(options.MaxRoutingTargets).ToList();
        var spare = candidates.Sum(c => c.Value.SparePerHour);
        var shares = excess <= 0 ? [] : candidates
            .Select(c => new RoutingShare(
                c.Key, Math.Round(Math.Min(c.Value.SparePerHour, excess * c.Value.SparePerHour / spare), 1), c.Value.SparePerHour,
                c.Value.BacklogHours))
            .ToList();
        return new RoutingPlan(from, excess, shares);
    }

    private static bool Eligible(string node, FulfillmentOptions options) =>
        options.RoutingTargets.Count == 0 || options.RoutingTargets.Contains(node);

    /// <summary>True when this plan differs enough from the one in force to be written again.</summary>
    public bool ChangedFrom(RecommendationInForce? current, double change) =>
        current is null
        || !current.Targets.Order(StringComparer.Ordinal).SequenceEqual(Shares.Select(s => s.Node).Order(StringComparer.Ordinal))
        || Math.Abs(LinesPerHour - current.LinesPerHour) > Math.Max(1, change * current.LinesPerHour);
}
