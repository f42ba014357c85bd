using System.Diagnostics;
using Xunit.Abstractions;

namespace Intelligence.Simulator.Tests;

/// <summary>Timing needs the machine to itself, so this runs after the parallel tests, alone.</summary>
[CollectionDefinition(nameof(ThroughputTests), DisableParallelization = true)]
[Collection(nameof(ThroughputTests))]
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Generation_keeps_well_ahead_of_ingest()
    {
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Events = 200_000,
            Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()),
            BadInput = BadInputOptions.Default,
        });

        var clock = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var input in simulator.Generate())
        {
            bytes += input.Json.Length;
        }

        var perSecond = 200_000 / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{perSecond:F0} inputs/s, {bytes / clock.Elapsed.TotalSeconds / 1e6:F1} MB/s");

        // A floor far below what a cold run manages even in Debug (~70k/s; ~110k/s in Release, ~300k/s+
        // once warm), so that only a real regression, such as work that grows with the run, trips it.
        Assert.True(perSecond > 30_000, $"only {perSecond:F0} inputs/s");
    }
}
