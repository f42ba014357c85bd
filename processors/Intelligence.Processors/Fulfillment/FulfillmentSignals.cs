using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

// Signals the order fold sends to the node fold, keyed by location: the work each node has to do.

/// <summary>Units of an order line allocated at the node: they join its pick backlog.</summary>
public sealed record LineAllocated(string Location, string OrderId, string LineId, string Sku, int Units, DateTimeOffset? PromisedBy) : ISignal;

/// <summary>
/// A pick of an order line at the node: units picked and units short (together, the allocation it
/// consumed). <see cref="PickDelayMinutes"/> is pick time − the oldest unpicked allocation's time, when known.
/// </summary>
public sealed record LinePicked(string Location, string OrderId, string LineId, int Units, int ShortUnits, double? PickDelayMinutes) : ISignal;

/// <summary>A parcel left the node with these lines: they leave its awaiting-dispatch backlog.</summary>
public sealed record ParcelDispatched(
    string Location, string OrderId, string ShipmentId, IReadOnlyList<ParcelLine> Lines, DateTimeOffset? PromisedBy) : ISignal;

public sealed record ParcelLine(string LineId, int Units);

/// <summary>Allocated units the node will not pick after all: the order or line was cancelled.</summary>
public sealed record AllocationReleased(string Location, string OrderId, string LineId, int Units) : ISignal;

/// <summary>
/// A node's load, sent by the node fold at most once per minute of event time, keyed
/// <see cref="Network"/> so that one small fold sees every node: a deliberate global summary with one
/// key, as a Kafka topology would route it to one partition. Rates are lines per hour.
/// </summary>
public sealed record NodeLoad(
    string Location, int BacklogLines, double BacklogHours, double ThroughputPerHour, double InflowPerHour,
    double CapacityPerHour, double SparePerHour, double PickDelayMinutes, bool BackedUp) : ISignal
{
    public const string Network = "network";
}
