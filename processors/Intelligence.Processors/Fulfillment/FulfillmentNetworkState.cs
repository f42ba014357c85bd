using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>The whole network at a glance: every node's latest load and the recommendation in force for each backed-up node.</summary>
public sealed class FulfillmentNetworkState : FoldState
{
    public Dictionary<string, NodeLoadSeen> Nodes { get; set; } = [];

    /// <summary>Recommendations in force, keyed by the backed-up node they relieve.</summary>
    public Dictionary<string, RecommendationInForce> Recommendations { get; set; } = [];
}

public sealed class NodeLoadSeen
{
    public DateTimeOffset At { get; set; }
    public int BacklogLines { get; set; }
    public double BacklogHours { get; set; }
    public double ThroughputPerHour { get; set; }
    public double InflowPerHour { get; set; }
    public double CapacityPerHour { get; set; }
    public double SparePerHour { get; set; }
    public double PickDelayMinutes { get; set; }
    public bool BackedUp { get; set; }
}

public sealed class RecommendationInForce
{
    public DateTimeOffset At { get; set; }
    public double LinesPerHour { get; set; }
    public List<string> Targets { get; set; } = [];
}
