using Intelligence.Ingest;
using Intelligence.Simulator;

namespace Intelligence.Embedded;

/// <summary>Feeds the simulator's inputs through the gate, judged by the simulated clock.</summary>
public sealed class SimulatorSource(RetailSimulator simulator)
{
    public const string Name = "simulator";

    public async Task RunAsync(IngestGate gate, CancellationToken cancellationToken)
    {
        var source = new InputSource(Name, simulator.Clock);
        foreach (var input in simulator.Generate())
        {
            await gate.SubmitAsync(input.Json, source, cancellationToken).ConfigureAwait(false);
        }
    }
}
