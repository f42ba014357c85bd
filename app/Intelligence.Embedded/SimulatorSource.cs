using Intelligence.Ingest;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Embedded;

/// <summary>
/// Feeds the simulator's inputs through the gate, judged by the simulated clock. The simulator is
/// deterministic by seed, so a restarted run generates the inputs again and skips the first
/// <see cref="SourcePosition.Inputs"/> of <c>start</c> (the clock and ground truth advance alike).
/// </summary>
public sealed class SimulatorSource(RetailSimulator simulator, SourcePosition start = default, InputConsumed? consumed = null)
{
    public const string Name = "simulator";

    public async Task RunAsync(IngestGate gate, CancellationToken cancellationToken)
    {
        var source = new InputSource(Name, simulator.Clock);
        long inputs = 0;
        foreach (var input in simulator.Generate())
        {
            if (++inputs <= start.Inputs)
            {
                continue;
            }

            await gate.SubmitAsync(input.Json, source, cancellationToken).ConfigureAwait(false);
            if (consumed is not null)
            {
                await consumed(new SourcePosition(inputs, 0), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
