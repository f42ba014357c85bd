using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>One fulfilment node's work: lines waiting to be picked or dispatched, recent picks and its backed-up state.</summary>
public sealed class NodeState : FoldState
{
    private int? _pendingUnits;
    private int? _awaitingDispatchUnits;

    /// <summary>The latest event time the node has seen: its own clock, which never goes back.</summary>
    public DateTimeOffset Clock { get; set; }
    public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>Order lines allocated here and not yet picked, keyed <c>orderId/lineId</c>.</summary>
    public Dictionary<string, PendingPick> Pending { get; set; } = [];

    /// <summary>Units picked and not yet dispatched, keyed <c>orderId/lineId</c>.</summary>
    public Dictionary<string, int> AwaitingDispatch { get; set; } = [];

    /// <summary>
    /// The units of <see cref="Pending"/>, kept up as lines come and go (derived from it, not stored: a
    /// state read back from JSON sums it on first use). Change it before the book, never after.
    /// </summary>
    [JsonIgnore]
    public int PendingUnits
    {
        get => _pendingUnits ??= Pending.Values.Sum(p => p.Units);
        set => _pendingUnits = value;
    }

    /// <summary>The units of <see cref="AwaitingDispatch"/>, kept up likewise.</summary>
    [JsonIgnore]
    public int AwaitingDispatchUnits
    {
        get => _awaitingDispatchUnits ??= AwaitingDispatch.Values.Sum();
        set => _awaitingDispatchUnits = value;
    }

    /// <summary>Pick delays of the picks in the throughput window, oldest first, at most <see cref="FulfillmentOptions.PickDelaySamples"/>.</summary>
    public List<DelaySample> PickDelays { get; set; } = [];

    /// <summary>
    /// The average and high pick delay of <see cref="PickDelays"/> (derived, not stored: worked out again
    /// on first use after the samples change, <see cref="NodeWorkLog"/> says when).
    /// </summary>
    [JsonIgnore]
    public (double Average, double High)? PickDelaySummary { get; set; }

    /// <summary>The pick delay last measured, reported while no pick falls in the window.</summary>
    public double LastPickDelayMinutes { get; set; }
    public double LastPickDelayHighMinutes { get; set; }

    /// <summary>Lines and units picked per minute within the throughput window.</summary>
    public List<RateBucket> Picks { get; set; } = [];

    /// <summary>Lines allocated per minute within the throughput window.</summary>
    public List<RateBucket> Allocations { get; set; } = [];

    /// <summary>Lines picked per hour within the capacity lookback.</summary>
    public List<RateBucket> HourlyPicks { get; set; } = [];

    public DateTimeOffset? StressedSince { get; set; }
    public DateTimeOffset? CalmSince { get; set; }
    public bool BackedUp { get; set; }
    public DateTimeOffset? BackedUpSince { get; set; }

    /// <summary>The minute the node last published its load (NodeLoad and KPI levels); at most once a minute.</summary>
    public DateTimeOffset? PublishedMinute { get; set; }
    public bool PublishPending { get; set; }
    public DateTimeOffset? NextReviewAt { get; set; }

    public long LinesAllocated { get; set; }
    public long LinesPicked { get; set; }
    public long UnitsPicked { get; set; }
    public long UnitsShort { get; set; }
    public long LinesReleased { get; set; }
    public long ParcelsDispatched { get; set; }
}

public sealed class PendingPick
{
    public int Units { get; set; }
    public DateTimeOffset AllocatedAt { get; set; }
    public DateTimeOffset? PromisedBy { get; set; }
}

public sealed class DelaySample : ITimed
{
    public DateTimeOffset At { get; set; }
    public double Minutes { get; set; }
}

/// <summary>Lines and units counted in one time bucket (a minute or an hour, by its start).</summary>
public sealed class RateBucket : ITimed
{
    public DateTimeOffset At { get; set; }
    public int Lines { get; set; }
    public int Units { get; set; }
}

/// <summary>A sample or bucket of a node's work log, timed by event time.</summary>
public interface ITimed
{
    DateTimeOffset At { get; }
}
