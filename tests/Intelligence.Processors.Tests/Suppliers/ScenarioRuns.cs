using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Returns;
using Intelligence.Processors.Tests.Support;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>
/// Simulated runs shared by the suppliers and returns end-to-end tests, generated and processed once
/// per test run: the simulator's events (read back as the pipeline reads them) through the suppliers
/// and returns areas, the product fold (fed the simulator's catalogue as <c>product.updated</c>, which
/// the simulator does not send), a test-only delivery fold and the test stand-ins for the exception
/// queue and the stock position.
/// </summary>
public static class ScenarioRuns
{
    public const int Events = 100_000;

    /// <summary>
    /// Returns windows short enough for a ten-day run (production defaults assume weeks of history), and
    /// no warm-up: the simulated business starts with the pipeline, so no return stems from an unseen delivery.
    /// </summary>
    public static readonly ReturnsOptions ReturnsOptions = new() { RecentDays = 2, WarmUpDays = 0, MinimumRecentUnits = 100, MinimumBaselineUnits = 100 };

    public static readonly SuppliersOptions SuppliersOptions = new();

    private static readonly Lazy<ScenarioRun> WithAll = new(() => Run(Enum.GetValues<Scenario>().ToHashSet()));
    private static readonly Lazy<ScenarioRun> WithNone = new(() => Run(new HashSet<Scenario>()));

    /// <summary>Every scenario on.</summary>
    public static ScenarioRun WithScenarios => WithAll.Value;

    /// <summary>No scenario: what the detectors raise on an ordinary ten days.</summary>
    public static ScenarioRun Quiet => WithNone.Value;

    private static ScenarioRun Run(HashSet<Scenario> scenarios)
    {
        var simulator = new RetailSimulator(new SimulationOptions { Events = Events, Seed = 42, Scenarios = scenarios });
        var harness = new FoldHarness(new Topology(
            [
                .. SuppliersArea.Folds(SuppliersOptions), .. ReturnsArea.Folds(ReturnsOptions), new ProductFold(), new DeliveredUnits(),
                new ExceptionLog(), new InboundLog(),
            ],
            [.. SuppliersArea.Routers(), .. ReturnsArea.Routers()]));

        var start = simulator.Clock.GetUtcNow().AddMinutes(-1);
        foreach (var sku in simulator.Catalogue.Skus)
        {
            harness.Feed(sku.Id, new ProductUpdated
            {
                Sku = sku.Id, Name = sku.Name, Category = sku.Category, SupplierId = sku.SupplierId, UnitCost = sku.UnitCost,
                Price = sku.Price, Currency = "EUR",
            }, start);
        }

        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in simulator.Generate())
        {
            if (reader.Read(input.Json).Accepted is { } e && seen.Add(e.Id))
            {
                harness.Feed(e);
            }
        }

        return new ScenarioRun(harness, simulator.GroundTruth, simulator.Catalogue);
    }
}

/// <summary>A processed simulated run: what the folds produced and the simulator's answer key.</summary>
public sealed record ScenarioRun(FoldHarness Harness, IReadOnlyList<ScenarioTruth> Truths, Intelligence.Simulator.Catalogue Catalogue)
{
    public ScenarioTruth Truth(Scenario scenario) => Truths.Single(t => t.Scenario == scenario);

    /// <summary>Every raise of an exception of <paramref name="category"/>: its entity and when.</summary>
    public IReadOnlyList<(string EntityId, DateTimeOffset At, string Detail)> Raised(string category) =>
        [.. ExceptionLog.Read(Harness).Values.SelectMany(e => e)
            .Where(e => e.Raised && e.Category == category)
            .Select(e => (e.EntityId!, e.At, e.Detail!))
            .OrderBy(e => e.At)];
}
