using Intelligence.Analytics.Chdb;
using Intelligence.Embedded;
using Intelligence.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Intelligence.Dashboards.Tests;

/// <summary>
/// One simulated run with every scenario and bad input on, through the embedded pipeline into an
/// in-memory chDB store, shared by the classes in <see cref="SimulatedRunCollection"/>. 60,000
/// inputs cover a week of simulated time (from 2026-11-02) and every scenario's window.
/// </summary>
public sealed class SimulatedRun : IAsyncLifetime
{
    public const string Database = "dashboards";

    public static readonly SimulationOptions Options = new()
    {
        Events = 60_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
    };

    private ChdbStore? store;

    public ChdbStore Store => store ?? throw new InvalidOperationException("The simulated run has not started.");

    public IReadOnlyDictionary<Scenario, ScenarioTruth> Truth { get; private set; } = new Dictionary<Scenario, ScenarioTruth>();

    /// <summary>A time range covering the whole simulated run, as a user would pick it in the time picker.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range => (Options.Start.AddDays(-1), Options.Start + Options.Span + TimeSpan.FromDays(2));

    public async Task InitializeAsync()
    {
        store = ChdbStore.Open(dataPath: null);
        // The sink as app/Intelligence.Cli/appsettings.json sets it: the batches decide how far the
        // folds see ahead in event time, so this run matches what `./intelligence run --events 60k` stores.
        var options = new EmbeddedOptions
        {
            Database = Database,
            Sink = new SinkOptions { MaxBatchRows = 50_000, Linger = TimeSpan.FromMilliseconds(200) },
        };
        await using (var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None))
        {
            var simulator = new RetailSimulator(Options);
            await new SimulatorSource(simulator).RunAsync(pipeline.Gate, CancellationToken.None);
            var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
            await RunRecords.SaveRunAsync(store, Database, summary, "simulator", "test", CancellationToken.None);
            await RunRecords.SaveTruthAsync(store, Database, summary.RunId, simulator.GroundTruth, CancellationToken.None);
            Truth = simulator.GroundTruth.ToDictionary(t => t.Scenario);
        }
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>A context over the whole run with "All" chosen for every variable, its options read from the store.</summary>
    public async Task<QueryContext> AllContextAsync(Dashboard dashboard)
    {
        var (from, to) = Range;
        var bare = QueryContext.For(from, to);
        var variables = new Dictionary<string, VariableSelection>();
        foreach (var variable in dashboard.Variables)
        {
            variables[variable.Name] = VariableSelection.All(await PanelQueries.VariableOptionsAsync(Store, Database, variable, bare));
        }

        return bare with { Variables = variables };
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatedRunCollection : ICollectionFixture<SimulatedRun>
{
    public const string Name = "simulated run";
}
