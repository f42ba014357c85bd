using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>A row of <c>fulfillment_nodes</c>: one node's backlog, pick delay, throughput, cutoff risk and backed-up state.</summary>
public sealed record NodeRow(
    string Location, long BacklogLines, long BacklogUnits, long AwaitingDispatchLines, long AwaitingDispatchUnits,
    double PickDelayMinutes, double PickDelayHighMinutes, double ThroughputPerHour, double ThroughputUnitsPerHour,
    double InflowPerHour, double BacklogHours, double CapacityPerHour, double SparePerHour, DateTimeOffset NextCutoffAt,
    long CutoffRiskLines, bool BackedUp, DateTimeOffset? BackedUpSince, long LinesAllocated, long LinesPicked,
    long UnitsPicked, long UnitsShort, long LinesReleased, long ParcelsDispatched, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "fulfillment_nodes";

    public override string Table => TableName;

    public override string RowKey => Location;
}
