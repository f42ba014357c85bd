using Intelligence.Contracts;
using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

/// <summary>A simulation with every scenario and bad input on, read by the contracts' reader: the events it accepts.</summary>
public static class BusySimulation
{
    public static List<RetailEvent> Accepted(int seed, int events)
    {
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Seed = seed,
            Events = events,
            Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            BadInput = BadInputOptions.Default,
        });
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
        return simulator.Generate().Select(input => reader.Read(input.Json).Accepted).OfType<RetailEvent>().ToList();
    }
}
