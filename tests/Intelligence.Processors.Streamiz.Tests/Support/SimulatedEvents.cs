using Intelligence.Contracts;
using Intelligence.Simulator;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>The simulator's events as ingest accepts them (bad input refused, duplicates kept out).</summary>
public static class SimulatedEvents
{
    /// <summary>
    /// <paramref name="events"/> simulator inputs read back, from a small catalogue (<paramref name="skus"/>)
    /// so that a short run gets past the product master the simulator sends first.
    /// </summary>
    public static List<RetailEvent> Generate(int events, int skus = 200, int seed = 42)
    {
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Events = events,
            Seed = seed,
            Skus = skus,
            Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            BadInput = BadInputOptions.None,
        });
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return simulator.Generate()
            .Select(input => reader.Read(input.Json).Accepted)
            .OfType<RetailEvent>()
            .Where(e => seen.Add(e.Id))
            .ToList();
    }
}
