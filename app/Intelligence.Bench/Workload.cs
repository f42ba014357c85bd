using Intelligence.Contracts;
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

    /// <summary>
    /// The reader's settings for a file judged as of its end: events as old as the file's span are
    /// taken, as they would have been had they arrived live. A file shorter than the configured
    /// <see cref="EventReaderOptions.MaxEventAge"/> (a year by default) reads with the settings as they are.
    /// </summary>
    public static EventReaderOptions ReaderFor(string path, EventReaderOptions configured) =>
        GroundTruthFile.SimulatedSpanBeside(path) is { } span && span + TimeSpan.FromDays(1) > configured.MaxEventAge
            ? configured with { MaxEventAge = span + TimeSpan.FromDays(1) }
            : configured;

    /// <summary>The instant the file's event times are judged against: its simulated end.</summary>
    public static DateTimeOffset AsOf(string path) =>
        GroundTruthFile.SimulatedEndBeside(path)
        ?? throw new InvalidOperationException($"{path}.truth.json is missing: delete {path} so that the workload is generated again.");
}
