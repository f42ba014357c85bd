using Intelligence.Contracts;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Support;

/// <summary>The simulator's events read back as the pipeline reads them (bad input refused, duplicates kept out).</summary>
public static class SimulatedEvents
{
    public static List<RetailEvent> Generate(int events, bool scenarios = true, bool badInput = false, int seed = 42)
    {
        var options = new SimulationOptions
        {
            Events = events,
            Seed = seed,
            Scenarios = scenarios ? Enum.GetValues<Scenario>().ToHashSet() : new HashSet<Scenario>(),
            BadInput = badInput ? BadInputOptions.Default : BadInputOptions.None,
        };
        var simulator = new RetailSimulator(options);
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<RetailEvent>();
        foreach (var input in simulator.Generate())
        {
            if (reader.Read(input.Json).Accepted is { } e && seen.Add(e.Id))
            {
                accepted.Add(e);
            }
        }

        return accepted;
    }
}
