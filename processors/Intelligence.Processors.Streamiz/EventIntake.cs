using Intelligence.Contracts;
using Intelligence.Processors.Flow;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// The first step on the events topic: reads each envelope with the contracts' reader (a record that
/// cannot be read is dead-lettered with the reason and the stream goes on), puts the payload on the
/// messages topic under the event's key if a fold consumes it, then lets the routers re-key it, in
/// the embedded engine's order. It keeps the partition's stream time (the latest event time seen),
/// which every message carries so folds can judge lateness.
/// </summary>
public sealed class EventIntake : ITransformer<string, byte[], string, byte[]>
{
    public const string Name = "event-intake";

    private const string StreamTimeKey = "stream-time";

    // Ingest judged event time against its clock when it accepted the event; replaying the log must
    // not refuse old events, so the window here only guards against arithmetic past the calendar.
    private static readonly EventReaderOptions ReaderOptions = new()
    {
        MaxFutureSkew = TimeSpan.FromDays(36_500),
        MaxEventAge = TimeSpan.FromDays(36_500),
    };

    private readonly Topology _topology;
    private readonly EventReader _reader = new(ReaderOptions, TimeProvider.System);
    private RecordOutputs? _outputs;
    private IKeyValueStore<string, long>? _clock;
    private DateTimeOffset? _streamTime;

    /// <summary>Streamiz needs a parameterless constructor for the template it copies per task.</summary>
    public EventIntake() : this(new Topology([], []))
    {
    }

    public EventIntake(Topology topology) => _topology = topology;

    public void Init(ProcessorContext<string, byte[]> context)
    {
        _outputs = new RecordOutputs(context, _topology, Name);
        _clock = (IKeyValueStore<string, long>)context.GetStateStore(FoldStores.StreamTime);
    }

    public Record<string, byte[]>? Process(Record<string, byte[]> record)
    {
        var outputs = _outputs!;
        var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(record.Timestamp.UnixTimestampMs);
        outputs.Origin = new DeadLetterRecords.Origin(receivedAt, record.TopicPartitionOffset.Partition.Value, record.TopicPartitionOffset.Offset.Value);
        var raw = record.Value ?? [];

        // Read against the record's own time, never the wall clock, so a replay reads the same.
        var outcome = _reader.Read(raw, receivedAt);
        if (outcome.Accepted is not { } e)
        {
            outputs.DeadLetter(record.Key, DeadLetterRecords.Rejected(outcome, raw, outputs.Origin));
            return null;
        }

        var streamTime = _streamTime ??= StoredStreamTime();
        var message = new Message(e.Key, e.OccurredAt, e.Id, e.Source, streamTime, e.Payload);
        outputs.Cause = message;
        var type = e.Payload.GetType();
        if (_topology.FoldsFor(type).Count > 0)
        {
            outputs.Deliver(message);
        }

        foreach (var router in _topology.RoutersFor(type))
        {
            outputs.Cause = message;
            if (FoldStep.Route(router, e, outputs) is { } error)
            {
                outputs.Failed(message, router.GetType().Name, error);
            }
        }

        if (e.OccurredAt > streamTime)
        {
            _streamTime = e.OccurredAt;
            _clock!.Put(StreamTimeKey, e.OccurredAt.UtcTicks);
        }

        return null;
    }

    public void Close()
    {
    }

    // Read once the task's stores are restored (first record), then kept in step with every write.
    private DateTimeOffset StoredStreamTime()
    {
        var ticks = _clock!.Get(StreamTimeKey);
        return ticks == 0 ? DateTimeOffset.MinValue : new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
