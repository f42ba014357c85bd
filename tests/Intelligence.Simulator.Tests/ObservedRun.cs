using System.Collections.Concurrent;
using System.Globalization;
using Intelligence.Contracts;
using Intelligence.Contracts.Validation;

namespace Intelligence.Simulator.Tests;

/// <summary>One input as ingest saw it: read by the event reader at the simulated moment it was sent.</summary>
public sealed record Observation(long Index, InputKind Kind, byte[] Json, DateTimeOffset SentAt, RetailEvent? Event, Rejection? Rejection);

/// <summary>
/// A simulated run read the way ingest reads it: every input goes through <see cref="EventReader"/>
/// with the simulator's clock at the moment it is yielded. Runs are cached per options, since several
/// tests look at the same stream.
/// </summary>
public sealed class ObservedRun
{
    private static readonly ConcurrentDictionary<string, Lazy<ObservedRun>> Cache = new();

    private ObservedRun(SimulationOptions options)
    {
        Options = options;
        Simulator = new RetailSimulator(options);
        var reader = new EventReader(new EventReaderOptions(), Simulator.Clock);
        var inputs = new List<Observation>((int)options.Events);
        var index = 0L;
        foreach (var input in Simulator.Generate())
        {
            var outcome = reader.Read(input.Json);
            // The raw payload text is not needed here; dropping it keeps a 200k-event run small.
            var accepted = outcome.Accepted is { } e ? e with { PayloadJson = "" } : null;
            inputs.Add(new Observation(index++, input.Kind, input.Json, Simulator.Clock.GetUtcNow(), accepted, outcome.Rejection));
        }

        Inputs = inputs;
        World = [.. inputs.Where(i => i.Event is not null && i.Kind != InputKind.Duplicate).Select(i => i.Event!)];
    }

    public SimulationOptions Options { get; }

    public RetailSimulator Simulator { get; }

    public IReadOnlyList<Observation> Inputs { get; }

    /// <summary>Accepted events, each once (duplicates left out), in the order they were sent.</summary>
    public IReadOnlyList<RetailEvent> World { get; }

    public DateTimeOffset Start => Options.Start;

    public DateTimeOffset End => Inputs[^1].SentAt;

    public IEnumerable<T> Payloads<T>() where T : IEventPayload => World.Select(e => e.Payload).OfType<T>();

    public IEnumerable<(RetailEvent Event, T Payload)> Events<T>() where T : IEventPayload =>
        World.Where(e => e.Payload is T).Select(e => (e, (T)e.Payload));

    public static ObservedRun Of(SimulationOptions options)
    {
        var key = string.Join('|', options.Seed, options.Events, options.Start.ToString("O", CultureInfo.InvariantCulture),
            string.Join(',', options.Scenarios.Order()), options.BadInput, options.Skus, options.Stores, options.Customers, options.Suppliers);
        return Cache.GetOrAdd(key, _ => new Lazy<ObservedRun>(() => new ObservedRun(options))).Value;
    }

    /// <summary>A run with every scenario on and the default mix of bad input.</summary>
    public static ObservedRun Busy(long events) => Of(new SimulationOptions
    {
        Events = events,
        Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()),
        BadInput = BadInputOptions.Default,
    });

    /// <summary>A run with no scenarios and no bad input.</summary>
    public static ObservedRun Clean(long events) => Of(new SimulationOptions { Events = events });
}
