namespace Intelligence.Processors.Fulfillment;

/// <summary>
/// Settings of the node and network folds: carrier cutoffs, the windows the rates are measured over,
/// when a node counts as backed up, and how routing recommendations are sized.
/// </summary>
public sealed record FulfillmentOptions
{
    /// <summary>The daily carrier cutoff (time of day, UTC) of a node not listed in <see cref="CarrierCutoffs"/>.</summary>
    public TimeSpan DefaultCarrierCutoff { get; init; } = TimeSpan.FromHours(17);

    /// <summary>Daily carrier cutoff per node (time of day, UTC): the last collection of the day.</summary>
    public IReadOnlyDictionary<string, TimeSpan> CarrierCutoffs { get; init; } = new Dictionary<string, TimeSpan>
    {
        ["DC-EAST"] = TimeSpan.FromHours(21), ["DC-WEST"] = TimeSpan.FromHours(21), ["3PL-NORTH"] = TimeSpan.FromHours(19),
    };

    /// <summary>The recent window throughput and inflow (lines per hour) are measured over. 15 minutes to 24 hours.</summary>
    public TimeSpan ThroughputWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// At most this many of the latest picks in the throughput window make the pick-delay average and
    /// percentile: a bounded sample. 10 to 10 000.
    /// </summary>
    public int PickDelaySamples { get; init; } = 200;

    /// <summary>The pick-delay percentile reported beside the average, between 0.5 and 1.</summary>
    public double PickDelayPercentile { get; init; } = 0.9;

    /// <summary>Backlog hours (backlog lines ÷ lines picked per hour) above which a node is under stress. More than zero.</summary>
    public double BacklogHoursThreshold { get; init; } = 4;

    /// <summary>Average pick delay (minutes) above which a node is under stress. More than zero.</summary>
    public double PickDelayMinutesThreshold { get; init; } = 240;

    /// <summary>A node with fewer lines waiting to be picked is never under stress: a quiet store is not a backed-up one. At least 1.</summary>
    public int MinimumBacklogLines { get; init; } = 25;

    /// <summary>How long stress (or calm) must last before a node counts as backed up (or clear again). Up to 24 hours.</summary>
    public TimeSpan Persistence { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>While a node has a backlog it is looked at again this often, even when no work arrives. 1 minute to 6 hours.</summary>
    public TimeSpan ReviewInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Pick capacity (lines per hour) per node; a node not listed is credited with its busiest hour in <see cref="CapacityLookback"/>.</summary>
    public IReadOnlyDictionary<string, double> CapacityLinesPerHour { get; init; } = new Dictionary<string, double>();

    /// <summary>How far back a node's busiest hour of picking counts as its demonstrated capacity. 1 hour to 14 days.</summary>
    public TimeSpan CapacityLookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The hours a recommendation aims to clear a backlog in: it diverts backlog ÷ this on top of the excess inflow. More than zero.</summary>
    public double DrainHours { get; init; } = 8;

    /// <summary>
    /// The nodes a recommendation may name as targets: those that can serve the orders a backed-up node
    /// takes (online orders: the DCs and the 3PL). Empty lets every node be a target.
    /// </summary>
    public IReadOnlyList<string> RoutingTargets { get; init; } = ["DC-EAST", "DC-WEST", "3PL-NORTH"];

    /// <summary>A node needs at least this much spare capacity (lines per hour) to be named as a target. Zero or more.</summary>
    public double MinimumSpareLinesPerHour { get; init; } = 3;

    /// <summary>At most this many target nodes per recommendation. 1 to 10.</summary>
    public int MaxRoutingTargets { get; init; } = 3;

    /// <summary>A recommendation is written again only when its targets change or its rate moves by this fraction. 0 to 1.</summary>
    public double RecommendationChange { get; init; } = 0.25;

    public TimeSpan CutoffOf(string node) => CarrierCutoffs.GetValueOrDefault(node, DefaultCarrierCutoff);

    /// <summary>Each invalid setting, named, with the range it must be in.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (node, cutoff) in CarrierCutoffs.Append(new("DefaultCarrierCutoff", DefaultCarrierCutoff)))
        {
            if (cutoff < TimeSpan.Zero || cutoff >= TimeSpan.FromDays(1))
            {
                yield return $"CarrierCutoffs:{node} is {cutoff}: it must be a time of day from 00:00 to 23:59.";
            }
        }

        if (ThroughputWindow < TimeSpan.FromMinutes(15) || ThroughputWindow > TimeSpan.FromHours(24))
        {
            yield return $"ThroughputWindow is {ThroughputWindow}: it must be between 15 minutes and 24 hours.";
        }

        if (PickDelaySamples is < 10 or > 10_000)
        {
            yield return $"PickDelaySamples is {PickDelaySamples}: it must be between 10 and 10000.";
        }

        if (PickDelayPercentile is < 0.5 or > 1 || double.IsNaN(PickDelayPercentile))
        {
            yield return $"PickDelayPercentile is {PickDelayPercentile}: it must be between 0.5 and 1.";
        }

        if (BacklogHoursThreshold is not > 0 || PickDelayMinutesThreshold is not > 0 || DrainHours is not > 0)
        {
            yield return "BacklogHoursThreshold, PickDelayMinutesThreshold and DrainHours must each be more than zero.";
        }

        if (MinimumBacklogLines < 1)
        {
            yield return $"MinimumBacklogLines is {MinimumBacklogLines}: it must be at least 1.";
        }

        if (Persistence < TimeSpan.Zero || Persistence > TimeSpan.FromHours(24))
        {
            yield return $"Persistence is {Persistence}: it must be between zero and 24 hours.";
        }

        if (ReviewInterval < TimeSpan.FromMinutes(1) || ReviewInterval > TimeSpan.FromHours(6))
        {
            yield return $"ReviewInterval is {ReviewInterval}: it must be between 1 minute and 6 hours.";
        }

        if (CapacityLookback < TimeSpan.FromHours(1) || CapacityLookback > TimeSpan.FromDays(14))
        {
            yield return $"CapacityLookback is {CapacityLookback}: it must be between 1 hour and 14 days.";
        }

        if (CapacityLinesPerHour.FirstOrDefault(c => c.Value is not > 0) is { Key: not null } bad)
        {
            yield return $"CapacityLinesPerHour:{bad.Key} is {bad.Value}: it must be more than zero.";
        }

        if (MinimumSpareLinesPerHour is not >= 0)
        {
            yield return $"MinimumSpareLinesPerHour is {MinimumSpareLinesPerHour}: it must be zero or more.";
        }

        if (MaxRoutingTargets is < 1 or > 10)
        {
            yield return $"MaxRoutingTargets is {MaxRoutingTargets}: it must be between 1 and 10.";
        }

        if (RecommendationChange is not (>= 0 and <= 1))
        {
            yield return $"RecommendationChange is {RecommendationChange}: it must be between 0 and 1.";
        }
    }
}
