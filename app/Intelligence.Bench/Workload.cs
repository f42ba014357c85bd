using Intelligence.Embedded;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Bench;

/// <summary>
/// The standard workload, pre-generated to a JSON-lines file so that generation is never timed: the
/// simulator with a fixed seed, every scenario on, bad input mixed in, the catalogue and network sized
/// as asked. The same options name the same file, which is reused once written.
/// </summary>
public sealed record Workload(long Events, int Skus, int Stores, int Seed, int? Days = null)
{
    public SimulationOptions Simulation => new()
    {
        Events = Events,
        Days = Days,
        Skus = Skus,
        Stores = Stores,
        Seed = Seed,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    public string FileName => $"workload-{Events}-skus{Skus}-stores{Stores}-seed{Seed}{(Days is { } d ? $"-days{d}" : "")}.jsonl";

    public override string ToString() =>
        $"{Events:N0} inputs, {Skus:N0} SKUs, {Stores} stores + 3 nodes, seed {Seed}{(Days is { } d ? $", {d:N0} simulated days" : "")}";

    /// <summary>
    /// The same business as this workload's, for longer: past the simulator's 120 days a bigger run is
    /// a busier business, so a growth-with-events run sets the days that keep the usual daily rate.
    /// </summary>
    public Workload Longer(long events) =>
        this with { Events = events, Days = SimulationOptions.UsualDays(events) > 120 ? SimulationOptions.UsualDays(events) : null };

    /// <summary>The file in <paramref name="folder"/>, written first if it is not there yet.</summary>
    public string Ensure(string folder, Action<string> progress) =>
        WorkloadFile.Ensure(folder, FileName, $"the workload ({this})", progress, Write);

    // As `simulate --out` writes it: the inputs, each one's arrival, and the ground truth with the simulated end.
    private void Write(Stream file, string path) => SimulatedFile.Write(new RetailSimulator(Simulation), Simulation, file, path);

    /// <summary>
    /// When each of the file's inputs arrived: the bench judges every input at its own arrival, as a
    /// live run would have, so that stream time (timers, retirement) moves as it did live.
    /// </summary>
    public static RecordedArrivals Arrivals(string path) =>
        RecordedArrivals.Open(path, 0, out var whyNot)
        ?? throw new InvalidOperationException($"{path} cannot be replayed as it arrived ({whyNot}): delete {path} so that the workload is generated again.");

    /// <summary>The file's simulated end, which the time of rows that are not the events' own is set to.</summary>
    public static DateTimeOffset AsOf(string path) =>
        GroundTruthFile.SimulatedEndBeside(path)
        ?? throw new InvalidOperationException($"{path}.truth.json is missing: delete {path} so that the workload is generated again.");
}
