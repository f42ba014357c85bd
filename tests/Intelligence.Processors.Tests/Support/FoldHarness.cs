using Intelligence.Contracts;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Support;

/// <summary>
/// Runs a topology over events in memory and keeps everything it produced: rows by table, failures,
/// and the engine for reading stores. Events are given as typed payloads with their key and time.
/// </summary>
public sealed class FoldHarness : IOutputSink
{
    private static long _ids;

    public FoldHarness(params IFold[] folds) : this(new Topology(folds, []))
    {
    }

    public FoldHarness(Topology topology) => Engine = new FoldEngine(topology);

    public FoldEngine Engine { get; }

    public List<OutputRow> Rows { get; } = [];

    public List<(Message Message, string Fold, Exception Error)> Failures { get; } = [];

    public static DateTimeOffset T0 { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Feeds one event; the payload's type must be a registered contract type.</summary>
    public FoldHarness Feed(string key, IEventPayload payload, DateTimeOffset at, string source = "test", string? id = null)
    {
        var type = EventTypes.All.Single(t => t.Payload.Type == payload.GetType());
        var e = new RetailEvent(id ?? $"evt-h-{Interlocked.Increment(ref _ids)}", type, source, at, type.CurrentSchemaVersion, key, payload, "{}");
        Engine.Process(e, this);
        return this;
    }

    public FoldHarness Feed(RetailEvent e)
    {
        Engine.Process(e, this);
        return this;
    }

    public FoldHarness AdvanceTo(DateTimeOffset time)
    {
        Engine.AdvanceTo(time, this);
        return this;
    }

    public IEnumerable<T> RowsOf<T>() where T : OutputRow => Rows.OfType<T>();

    /// <summary>The last row written for each key of a latest-state table: what the table shows after merges.</summary>
    public IReadOnlyDictionary<string, T> Latest<T>() where T : StateRow =>
        Rows.OfType<T>().GroupBy(r => r.RowKey).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);

    public TState State<TState>(string fold, string key) where TState : FoldState =>
        (TState)Engine.Store(fold)[key];

    public void Row(OutputRow row) => Rows.Add(row);

    public void Failed(in Message message, string fold, Exception error) => Failures.Add((message, fold, error));
}
