using System.Globalization;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Scenarios;

/// <summary>
/// From an evening peak on, the 3PL is short of pickers (agency staff do not show) and can pick only
/// under half the lines that arrive, so orders routed there are allocated but wait to be picked and
/// shipped: its backlog grows for the whole window and drains afterwards.
/// </summary>
internal sealed class ThreePlBacklogPlan
{
    /// <summary>Lines the node can pick per line that arrives, on average, while short-staffed.</summary>
    public const double CapacityVersusDemand = 0.45;

    public ThreePlBacklogPlan(Catalogue catalogue, RunPlan plan)
    {
        var start = ScenarioWindow.NextHour(plan.At(0.45), 16);
        var length = TimeSpan.FromHours(Math.Round(Math.Clamp(plan.Span.TotalHours * 0.12, 36, 96)));
        Window = new ScenarioWindow(start, start + length);
        var node = catalogue.Locations[Node].Id;
        Truth = new ScenarioTruth(
            Scenario.ThreePlBacklog, "node", node,
            $"{node} can pick only {CapacityVersusDemand:P0} of the lines that reach it from the evening peak on; allocated orders wait and its backlog grows until the window ends.",
            Window.StartsAt, Window.EndsAt,
            new Dictionary<string, string>
            {
                ["location"] = node,
                ["capacityVersusDemand"] = CapacityVersusDemand.ToString(CultureInfo.InvariantCulture),
                ["measuredBy"] = "time from allocation.made to pick.completed and shipment.dispatched at the node",
            });
    }

    public static int Node => Assortment.ThreePl;

    public ScenarioWindow Window { get; }

    public ScenarioTruth Truth { get; }
}
