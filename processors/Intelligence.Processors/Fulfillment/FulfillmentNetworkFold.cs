using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>
/// One key (<see cref="NodeLoad.Network"/>): every node's latest load, so it can say where a backed-up
/// node's new allocations should go. A deliberate small global summary: nodes publish at most once a
/// minute each, so its input is bounded by the number of nodes, as one Kafka partition would carry it.
/// It writes <c>routing_recommendations</c> when a node backs up, when the plan changes materially
/// (other targets, or a rate moved by more than <see cref="FulfillmentOptions.RecommendationChange"/>),
/// and a withdrawal when the node clears.
/// </summary>
public sealed class FulfillmentNetworkFold(FulfillmentOptions options) : Fold<FulfillmentNetworkState>
{
    public override string Name => "fulfillment-network";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(NodeLoad)];

    protected override void Apply(FulfillmentNetworkState state, in Message message, IOutputs outputs)
    {
        var load = (NodeLoad)message.Body;
        var at = message.At;
        var seen = new NodeLoadSeen
        {
            At = at, BacklogLines = load.BacklogLines, BacklogHours = load.BacklogHours, ThroughputPerHour = load.ThroughputPerHour,
            InflowPerHour = load.InflowPerHour, CapacityPerHour = load.CapacityPerHour, SparePerHour = load.SparePerHour,
            PickDelayMinutes = load.PickDelayMinutes, BackedUp = load.BackedUp,
        };
        state.Nodes[load.Location] = seen;
        state.Recommendations.TryGetValue(load.Location, out var current);
        if (!load.BackedUp)
        {
            if (current is not null)
            {
                Withdraw(state, load.Location, seen, current, at, outputs);
            }

            return;
        }

        var plan = RoutingPlan.For(load.Location, seen, state.Nodes, options);
        if (plan.Shares.Count == 0 || !plan.ChangedFrom(current, options.RecommendationChange))
        {
            return;
        }

        foreach (var gone in current?.Targets.Except(plan.Shares.Select(s => s.Node)) ?? [])
        {
            outputs.Write(Row(at, load.Location, gone, false, 0, plan.LinesPerHour, seen, null, "target no longer recommended"));
        }

        foreach (var share in plan.Shares)
        {
            outputs.Write(Row(at, load.Location, share.Node, true, share.LinesPerHour, plan.LinesPerHour, seen, share,
                $"move about {share.LinesPerHour:0.#} lines/h of new allocations from {load.Location} " +
                $"({seen.BacklogLines} lines waiting, {seen.BacklogHours:0.#} h of backlog at {seen.ThroughputPerHour:0.#} lines/h picked, " +
                $"{seen.InflowPerHour:0.#} lines/h arriving) to {share.Node} ({share.SparePerHour:0.#} lines/h spare)"));
        }

        state.Recommendations[load.Location] = new RecommendationInForce
        {
            At = at, LinesPerHour = plan.LinesPerHour, Targets = [.. plan.Shares.Select(s => s.Node)],
        };
    }

    private static void Withdraw(
        FulfillmentNetworkState state, string from, NodeLoadSeen seen, RecommendationInForce current, DateTimeOffset at, IOutputs outputs)
    {
        foreach (var target in current.Targets)
        {
            outputs.Write(Row(at, from, target, false, 0, 0, seen, null, $"{from} has cleared its backlog"));
        }

        state.Recommendations.Remove(from);
    }

    private static RoutingRecommendationRow Row(
        DateTimeOffset at, string from, string to, bool active, double lines, double total, NodeLoadSeen seen, RoutingShare? share, string detail) =>
        new(at, from, to, active, lines, total, seen.BacklogLines, seen.BacklogHours, seen.ThroughputPerHour, seen.InflowPerHour,
            seen.PickDelayMinutes, share?.SparePerHour ?? 0, share?.BacklogHours ?? 0, detail);
}
