using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>
/// A row of <c>routing_recommendations</c> (append-only): divert <see cref="LinesPerHour"/> lines per
/// hour of new allocations from <see cref="FromNode"/> to <see cref="ToNode"/>, with the figures behind
/// it. A row with <see cref="Active"/> false withdraws the recommendation for that pair.
/// </summary>
public sealed record RoutingRecommendationRow(
    DateTimeOffset At, string FromNode, string ToNode, bool Active, double LinesPerHour, double TotalLinesPerHour,
    long FromBacklogLines, double FromBacklogHours, double FromThroughputPerHour, double FromInflowPerHour,
    double FromPickDelayMinutes, double ToSparePerHour, double ToBacklogHours, string Detail) : OutputRow
{
    public const string TableName = "routing_recommendations";

    public override string Table => TableName;
}
