using Intelligence.Simulator;

namespace Intelligence.Simulator.Tests;

public sealed class LineDelimitedTests
{
    [Fact]
    public void No_input_holds_a_raw_newline_so_every_transport_sees_the_same_inputs()
    {
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Seed = 21,
            Events = 30_000,
            Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
            BadInput = new BadInputOptions { Malformed = 0.05, SchemaViolations = 0.05, Duplicates = 0.01 },
        });

        var multiLine = simulator.Generate().Count(i => i.Json.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0);

        Assert.Equal(0, multiLine);
    }
}
