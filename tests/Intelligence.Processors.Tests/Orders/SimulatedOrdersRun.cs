using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Tests.Support;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Orders;

/// <summary>The orders area run once over a simulated week (70k events), with every scenario and without any.</summary>
public sealed class SimulatedOrdersRun
{
    public const int Events = 70_000;

    private static readonly Lazy<SimulatedOrdersRun> WithScenarios = new(() => new SimulatedOrdersRun(scenarios: true));
    private static readonly Lazy<SimulatedOrdersRun> Clean = new(() => new SimulatedOrdersRun(scenarios: false));

    private SimulatedOrdersRun(bool scenarios)
    {
        Harness = new FoldHarness(new Topology(OrdersArea.Folds(new(), new(), new()), OrdersArea.Routers()));
        var events = SimulatedEvents.Generate(Events, scenarios);
        foreach (var e in events)
        {
            Harness.Feed(e);
        }

        End = events.Max(e => e.OccurredAt);
        Truth = new RetailSimulator(new SimulationOptions
        {
            Events = Events, Seed = 42,
            Scenarios = scenarios ? Enum.GetValues<Scenario>().ToHashSet() : new HashSet<Scenario>(),
        }).GroundTruth;
    }

    public static SimulatedOrdersRun Scenarios => WithScenarios.Value;

    public static SimulatedOrdersRun NoScenarios => Clean.Value;

    public FoldHarness Harness { get; }

    public DateTimeOffset End { get; }

    public IReadOnlyList<ScenarioTruth> Truth { get; }

    public IReadOnlyDictionary<string, ExceptionRow> Exceptions => Harness.Latest<ExceptionRow>();

    public IEnumerable<ExceptionEventRow> ExceptionEvents => Harness.RowsOf<ExceptionEventRow>();

    public IEnumerable<RoutingRecommendationRow> Recommendations => Harness.RowsOf<RoutingRecommendationRow>();
}
