using Intelligence.Simulator;

namespace Intelligence.Bench;

/// <summary>
/// The standard workload, pre-generated to a JSON-lines file so that generation is never timed: the
/// simulator with a fixed seed, every scenario on, bad input mixed in, the catalogue and network sized
/// as asked. The same options name the same file, which is reused once written.
/// </summary>
public sealed record Workload(long Events, int Skus, int Stores, int Seed)
{
    public SimulationOptions Simulation => new()
    {
        Events = Events,
        Skus = Skus,
        Stores = Stores,
        Seed = Seed,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    public string FileName => $"workload-{Events}-skus{Skus}-stores{Stores}-seed{Seed}.jsonl";

    public override string ToString() => $"{Events:N0} inputs, {Skus:N0} SKUs, {Stores} stores + 3 nodes, seed {Seed}";

    /// <summary>The file in <paramref name="folder"/>, written first if it is not there yet.</summary>
    public string Ensure(string folder, Action<string> progress) =>
        WorkloadFile.Ensure(folder, FileName, $"the workload ({this})", progress, Write);

    private void Write(Stream file, string truthPath)
    {
        var simulator = new RetailSimulator(Simulation);
        foreach (var input in simulator.Generate())
        {
            file.Write(input.Json);
            file.WriteByte((byte)'\n');
        }

        // As `simulate --out` writes it: the simulated end, which event times are judged against.
        GroundTruthFile.Write(truthPath, Simulation, simulator.Clock.GetUtcNow(), simulator.GroundTruth);
    }

    /// <summary>The instant the file's event times are judged against: its simulated end.</summary>
    public static DateTimeOffset AsOf(string path) =>
        GroundTruthFile.SimulatedEndBeside(path)
        ?? throw new InvalidOperationException($"{path}.truth.json is missing: delete {path} so that the workload is generated again.");
}
