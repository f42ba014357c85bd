using Intelligence.Processors.Flow;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// The one processor on the messages topic, connected to every fold's store: each message is applied
/// to every fold that consumes its body, under the message's key, as the embedded engine applies it
/// (same dispatch order, <see cref="FoldState.Revision"/> counted, a throwing fold dead-lettered and
/// its state kept). What the folds send goes back to the messages topic under the new key; rows go to
/// the outputs topic.
/// <para>
/// Timers: a message carries the stream time its cause arrived at. When a message comes whose stream
/// time is later than the partition's clock, the clock moves there and every timer due by then fires,
/// earliest first, before the message is applied: where the engine fires them, after the input that
/// moved stream time and before the next. A stream-time marker record moves the clock without a message.
/// A key whose retirement comes due is deleted from its store, as the engine deletes it.
/// </para>
/// </summary>
public sealed class MessageFolding : ITransformer<string, byte[], string, byte[]>
{
    public const string Name = "fold-messages";

    private readonly Topology _topology;
    private readonly BodyTypes _bodies;
    private readonly Dictionary<IFold, int> _index;
    private readonly Timers _timers = new();
    private IKeyValueStore<string, byte[]>[] _stores = [];
    private RecordOutputs? _outputs;
    private bool _timersBuilt;
    private DateTimeOffset _clock = DateTimeOffset.MinValue;

    /// <summary>Streamiz needs a parameterless constructor for the template it copies per task.</summary>
    public MessageFolding() : this(new Topology([], []))
    {
    }

    public MessageFolding(Topology topology)
    {
        _topology = topology;
        _bodies = new BodyTypes(topology);
        _index = topology.Folds.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
    }

    public void Init(ProcessorContext<string, byte[]> context)
    {
        _outputs = new RecordOutputs(context, _topology, Name);
        _stores = _topology.Folds.Select(f => (IKeyValueStore<string, byte[]>)context.GetStateStore(f.Name)).ToArray();
    }

    public Record<string, byte[]>? Process(Record<string, byte[]> record)
    {
        var outputs = _outputs!;
        outputs.Origin = new DeadLetterRecords.Origin(DateTimeOffset.FromUnixTimeMilliseconds(record.Timestamp.UnixTimestampMs),
            record.TopicPartitionOffset.Partition.Value, record.TopicPartitionOffset.Offset.Value);
        if (!_timersBuilt)
        {
            RebuildTimers();
        }

        var read = MessageRecord.Read(record.Value, record.Key, _bodies);
        if (read.Marker is { } marker)
        {
            AdvanceTo(marker);
        }
        else if (read.Message is { } message)
        {
            if (message.StreamTime > _clock)
            {
                AdvanceTo(message.StreamTime);
            }

            var folds = _topology.FoldsFor(message.Body.GetType());
            for (var i = 0; i < folds.Count; i++)
            {
                Apply(folds[i], message);
            }
        }
        else
        {
            outputs.DeadLetter(record.Key, DeadLetterRecords.Unreadable(read.Problem!, record.Value ?? [], outputs.Origin));
        }

        return null;
    }

    public void Close()
    {
    }

    private void Apply(IFold fold, in Message message)
    {
        var index = _index[fold];
        var store = _stores[index];
        var state = store.Get(message.Key) is { } json ? StateJson.Read(json, fold.StateType) : fold.NewState();
        var outputs = _outputs!;
        outputs.Cause = message;
        if (FoldStep.Apply(fold, state, message, outputs) is { } error)
        {
            outputs.Failed(message, fold.Name, error);
        }

        store.Put(message.Key, StateJson.Write(state, fold.StateType));
        _timers.Arm(index, message.Key, fold, state);
    }

    /// <summary>Moves the clock forward (never back) and ticks every key due by then, earliest first.</summary>
    private void AdvanceTo(DateTimeOffset time)
    {
        if (time > _clock)
        {
            _clock = time;
        }

        var outputs = _outputs!;
        while (_timers.TryTakeDue(_clock, out var due, out var index, out var key))
        {
            var fold = _topology.Folds[index];
            var store = _stores[index];
            if (store.Get(key) is not { } json)
            {
                continue;
            }

            var state = StateJson.Read(json, fold.StateType);
            switch (FoldStep.OnTimer(fold, state, _clock))
            {
                case TimerAction.Retire:
                    // A tombstone on the changelog: a restored store does not bring the key back.
                    store.Delete(key);
                    continue;
                case TimerAction.Rearm:
                    _timers.Arm(index, key, fold, state);
                    continue;
            }

            var cause = FoldStep.TimerCause(fold, key, due, _clock);
            outputs.Cause = cause;
            if (FoldStep.Tick(fold, state, cause, outputs) is { } error)
            {
                outputs.Failed(cause, fold.Name, error);
            }

            store.Put(key, StateJson.Write(state, fold.StateType));
            _timers.Arm(index, key, fold, state);
        }
    }

    /// <summary>
    /// Reads every due time back from the stores once the task's stores are restored (the first
    /// record after the task starts): a task that takes over a partition continues its timers.
    /// </summary>
    private void RebuildTimers()
    {
        for (var i = 0; i < _stores.Length; i++)
        {
            var fold = _topology.Folds[i];
            if (!Timers.MayArm(fold))
            {
                continue;
            }

            foreach (var (key, json) in _stores[i].All())
            {
                _timers.Arm(i, key, fold, StateJson.Read(json, fold.StateType));
            }
        }

        _timersBuilt = true;
    }
}
