using Intelligence.Contracts;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Tests.Support;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>
/// A simulated week (70k inputs, every scenario, late and out-of-order delivery on) run once through the
/// inventory folds and router, shared by the tests that read it. <see cref="CancelledReservations"/> stands in
/// for the order fold (which releases the reservations of cancelled lines).
/// </summary>
public sealed class SimulatedWeek
{
    public const int InputCount = 70_000;

    public SimulatedWeek()
    {
        Events = SimulatedEvents.Generate(InputCount, scenarios: true, badInput: true);
        Harness = new FoldHarness(new Topology([new CancelledReservations(), .. InventoryArea.Folds(Options), Exceptions], InventoryArea.Routers()));
        foreach (var e in Events)
        {
            Harness.Feed(e);
        }

        var simulator = new RetailSimulator(new SimulationOptions
        {
            Events = InputCount,
            Seed = 42,
            Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            BadInput = BadInputOptions.Default,
        });
        FlashPromotion = simulator.GroundTruth.Single(t => t.Scenario == Scenario.FlashPromotion);
    }

    public static InventoryOptions Options { get; } = new();

    public List<RetailEvent> Events { get; }

    public ExceptionLog Exceptions { get; } = new();

    public FoldHarness Harness { get; }

    public ScenarioTruth FlashPromotion { get; }
}
