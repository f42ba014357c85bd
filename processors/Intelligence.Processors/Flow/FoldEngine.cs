using System.Runtime.InteropServices;
using Intelligence.Contracts;

namespace Intelligence.Processors.Flow;

/// <summary>
/// Runs a topology in memory, one input at a time: the event goes to the folds that consume its
/// payload (under its own key) and to the routers; every signal sent is delivered, in the order sent,
/// before the next input; timers fire as stream time (the latest event time seen) passes them, and a
/// key whose fold retires it is deleted once stream time passes its retirement. It only ever touches
/// the state of the key a message names, as a Kafka topology would.
/// Latest-state rows (<see cref="IOutputs.Changed"/>) are written at once, or, with
/// <see cref="DeferLatestRows"/>, once per key when <see cref="WriteChanged"/> ends a batch.
/// </summary>
public sealed class FoldEngine
{
    private readonly Topology _topology;
    private readonly Dictionary<string, FoldState>[] _stores;
    private readonly Dictionary<IFold, int> _index;
    private readonly Dictionary<Type, int[]> _consumers = [];
    private readonly bool[] _mayArm;
    private readonly Queue<Message> _pending = new();
    private readonly PendingRows _pendingRows;
    private readonly Timers _timers = new();
    private readonly Emitter _emitter;
    private IOutputSink _sink = NullSink.Instance;

    public FoldEngine(Topology topology)
    {
        _topology = topology;
        _stores = topology.Folds.Select(_ => new Dictionary<string, FoldState>(StringComparer.Ordinal)).ToArray();
        _index = topology.Folds.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
        _mayArm = topology.Folds.Select(Timers.MayArm).ToArray();
        _pendingRows = new PendingRows(topology.Folds.Count);
        _emitter = new Emitter(this);
    }

    public Topology Topology => _topology;

    /// <summary>The latest event time processed: what timers and lateness are measured against.</summary>
    public DateTimeOffset StreamTime { get; private set; } = DateTimeOffset.MinValue;

    public long MessagesApplied { get; private set; }

    /// <summary>
    /// Whether a key's latest-state rows wait for <see cref="WriteChanged"/>, which writes them once from the
    /// state the batch left (as a Kafka Streams cache would), instead of being written at each change.
    /// </summary>
    public bool DeferLatestRows { get; set; }

    /// <summary>Keys deleted because their fold retired them (<see cref="IFold.RetireAt"/>).</summary>
    public long KeysRetired { get; private set; }

    /// <summary>The state of every key of a fold: read-only by convention (tests, checkpoints, interactive queries).</summary>
    public IReadOnlyDictionary<string, FoldState> Store(string fold) => _stores[_index[_topology.Fold(fold)]];

    public void Process(RetailEvent e, IOutputSink sink)
    {
        _sink = sink;
        var message = new Message(e.Key, e.OccurredAt, e.Id, e.Source, StreamTime, e.Payload);
        var type = e.Payload.GetType();
        if (ConsumersOf(type).Length > 0)
        {
            _pending.Enqueue(message);
        }

        foreach (var router in _topology.RoutersFor(type))
        {
            _emitter.Cause = message;
            _emitter.Fold = -1;
            if (FoldStep.Route(router, e, _emitter) is { } error)
            {
                sink.Failed(message, router.GetType().Name, error);
            }
        }

        Drain();
        if (e.OccurredAt > StreamTime)
        {
            AdvanceTo(e.OccurredAt, sink);
        }
    }

    /// <summary>Moves stream time forward (never back) and fires every timer due by then, earliest first.</summary>
    public void AdvanceTo(DateTimeOffset time, IOutputSink sink)
    {
        _sink = sink;
        if (time > StreamTime)
        {
            StreamTime = time;
        }

        // Every timer due fires before what the ticks sent is applied, as on Kafka, where those signals
        // go round the messages topic: a signal one tick sends cannot reach a key before another due tick.
        // A timer that what they sent makes due fires when stream time next moves, as on Kafka.
        while (_timers.TryTakeDue(StreamTime, out var due, out var fold, out var key))
        {
            var f = _topology.Folds[fold];
            if (!_stores[fold].TryGetValue(key, out var state))
            {
                continue;
            }

            switch (FoldStep.OnTimer(f, state, StreamTime))
            {
                case TimerAction.Retire:
                    if (_pendingRows.TryTake(fold, key, out var pending))
                    {
                        WriteLatest(pending, state);
                    }

                    _stores[fold].Remove(key);
                    KeysRetired++;
                    continue;
                case TimerAction.Rearm:
                    _timers.Arm(fold, key, f, state);
                    continue;
            }

            var cause = FoldStep.TimerCause(f, key, due, StreamTime);
            _emitter.Cause = cause;
            _emitter.Fold = fold;
            if (FoldStep.Tick(f, state, cause, _emitter) is { } error)
            {
                _sink.Failed(cause, f.Name, error);
            }

            _timers.Arm(fold, key, f, state);
        }

        Drain();
    }

    /// <summary>
    /// Writes the latest-state rows of every key that changed since the last call, each once, from its state
    /// now, in the order the keys first changed. The end of a batch, when <see cref="DeferLatestRows"/> is set.
    /// </summary>
    public void WriteChanged(IOutputSink sink)
    {
        _sink = sink;
        foreach (var pending in _pendingRows.TakeAll())
        {
            WriteLatest(pending, _stores[pending.Fold][pending.Key]);
        }
    }

    /// <summary>
    /// Puts back what a checkpoint kept, before the first input: every key's state and the stream time.
    /// Timers are derived from the states, so they are rebuilt, as a Kafka task rebuilds them.
    /// </summary>
    public void Restore(DateTimeOffset streamTime, long messagesApplied, IEnumerable<(string Fold, string Key, FoldState State)> states)
    {
        if (MessagesApplied > 0 || _stores.Any(s => s.Count > 0))
        {
            throw new InvalidOperationException("Only an engine that has processed nothing can be restored.");
        }

        StreamTime = streamTime;
        MessagesApplied = messagesApplied;
        foreach (var (name, key, state) in states)
        {
            var fold = _topology.Fold(name);
            var i = _index[fold];
            _stores[i].Add(key, state);
            _timers.Arm(i, key, fold, state);
        }
    }

    private void Drain()
    {
        while (_pending.TryDequeue(out var message))
        {
            foreach (var fold in ConsumersOf(message.Body.GetType()))
            {
                Apply(fold, message);
            }
        }
    }

    /// <summary>The indexes of the folds that consume a body of this type.</summary>
    private int[] ConsumersOf(Type body)
    {
        if (!_consumers.TryGetValue(body, out var folds))
        {
            _consumers[body] = folds = _topology.FoldsFor(body).Select(f => _index[f]).ToArray();
        }

        return folds;
    }

    private void Apply(int i, in Message message)
    {
        var fold = _topology.Folds[i];
        var store = _stores[i];
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(store, message.Key, out _);
        var state = slot ??= fold.NewState();

        _emitter.Cause = message;
        _emitter.Fold = i;
        MessagesApplied++;
        if (FoldStep.Apply(fold, state, message, _emitter) is { } error)
        {
            _sink.Failed(message, fold.Name, error);
        }

        if (_mayArm[i])
        {
            _timers.Arm(i, message.Key, fold, state);
        }
    }

    private void WriteLatest(in PendingRow row, FoldState state)
    {
        var f = _topology.Folds[row.Fold];
        var signals = _pending.Count;
        if (FoldStep.WriteLatest(f, state, row.Key, row.Revision, _emitter) is { } error)
        {
            _sink.Failed(row.Cause, f.Name, error);
        }

        if (_pending.Count != signals)
        {
            throw new InvalidOperationException($"Fold {f.Name} sent a signal while writing its latest rows: only rows may be written there.");
        }
    }

    private sealed class Emitter(FoldEngine engine) : IOutputs
    {
        public Message Cause { get; set; }

        /// <summary>The index of the fold being applied or ticked; -1 for a router.</summary>
        public int Fold { get; set; } = -1;

        public void Send(string key, ISignal signal) =>
            engine._pending.Enqueue(Cause with { Key = key, Body = signal });

        public void Write(OutputRow row) => engine._sink.Row(row);

        public void Count(string metric, string entity, DateTimeOffset at, double value) =>
            engine._sink.Count(metric, entity, KpiTime.Minute(at), value);

        public void Level(string metric, string entity, DateTimeOffset at, double value) =>
            engine._sink.Level(metric, entity, KpiTime.Minute(at), value, at);

        public void Changed(IFold fold, FoldState state, string key)
        {
            if (!engine.DeferLatestRows)
            {
                fold.WriteLatest(state, key, state.Revision, this);
                return;
            }

            if (Fold < 0)
            {
                throw new InvalidOperationException("Only a fold, while it is applied or ticked, can change latest rows.");
            }

            engine._pendingRows.Mark(Fold, key, state.Revision, Cause);
        }
    }

    private sealed class NullSink : IOutputSink
    {
        public static readonly NullSink Instance = new();

        public void Row(OutputRow row)
        {
        }

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
