using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Tests.Support;

/// <summary>
/// A group member over a <see cref="FakeKafkaLog"/>: it is given <c>holds</c> (or every partition
/// of its topics) at its first poll, reads them round-robin one record at a time so batches mix
/// partitions, and runs the assignment handlers inside <see cref="Poll"/> as librdkafka does.
/// Tests rebalance it with <see cref="Rebalance"/> and break its commits with <see cref="CommitFault"/>.
/// </summary>
public sealed class FakeConsumer(FakeKafkaLog log, string group, IReadOnlyList<PartitionId>? holds = null,
    Action<TimeSpan>? idle = null) : ISinkConsumer
{
    private readonly Lock _gate = new();
    private readonly List<PartitionId> _assignment = [];
    private readonly Dictionary<PartitionId, long> _positions = [];
    private readonly HashSet<PartitionId> _paused = [];
    private readonly Queue<(IReadOnlyList<PartitionId> Revoke, IReadOnlyList<PartitionId> Assign)> _rebalances = new();
    private IReadOnlyList<string> _topics = [];
    private Action<IReadOnlyList<PartitionId>>? _assigned;
    private Action<IReadOnlyList<PartitionId>>? _revoked;
    private int _cursor;
    private int _commits;

    /// <summary>Given the number of the commit (1-based), an exception to throw instead of committing, or null.</summary>
    public Func<int, Exception?>? CommitFault { get; set; }

    public bool Closed { get; private set; }

    public int PausedPolls { get; private set; }

    public IReadOnlyList<PartitionId> Assignment
    {
        get
        {
            lock (_gate)
            {
                return [.. _assignment];
            }
        }
    }

    public void Subscribe(IReadOnlyList<string> topics, Action<IReadOnlyList<PartitionId>> assigned, Action<IReadOnlyList<PartitionId>> revoked)
    {
        _topics = topics;
        _assigned = assigned;
        _revoked = revoked;
        _rebalances.Enqueue(([], holds ?? log.Partitions.Where(p => _topics.Contains(p.Topic)).ToList()));
    }

    /// <summary>Takes <paramref name="revoke"/> away and gives <paramref name="assign"/> at the next poll.</summary>
    public void Rebalance(IReadOnlyList<PartitionId> revoke, IReadOnlyList<PartitionId> assign)
    {
        lock (_gate)
        {
            _rebalances.Enqueue((revoke, assign));
        }
    }

    public SinkRecord? Poll(TimeSpan timeout)
    {
        ApplyRebalances();
        lock (_gate)
        {
            var readable = _assignment.Where(p => !_paused.Contains(p)).ToList();
            PausedPolls += readable.Count == 0 && _assignment.Count > 0 ? 1 : 0;
            for (var i = 0; i < readable.Count; i++)
            {
                var partition = readable[(_cursor + i) % readable.Count];
                if (log.At(partition, _positions[partition]) is { } record)
                {
                    _cursor = (_cursor + i + 1) % readable.Count;
                    _positions[partition] = record.Offset + 1;
                    return record;
                }
            }
        }

        if (idle is not null)
        {
            idle(timeout);
        }
        else if (timeout > TimeSpan.Zero)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(timeout.TotalMilliseconds, 2)));
        }

        return null;
    }

    public IReadOnlyDictionary<PartitionId, long?> Committed(IReadOnlyList<PartitionId> partitions) =>
        partitions.ToDictionary(p => p, p => log.Committed(group, p));

    public void Commit(IReadOnlyList<PartitionOffset> offsets)
    {
        if (CommitFault?.Invoke(Interlocked.Increment(ref _commits)) is { } fault)
        {
            throw fault;
        }

        log.Commit(group, offsets);
    }

    public long? Position(PartitionId partition)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(partition, out var position) ? position : null;
        }
    }

    public long? HighWatermark(PartitionId partition) => log.End(partition);

    public void Pause(IReadOnlyList<PartitionId> partitions)
    {
        lock (_gate)
        {
            _paused.UnionWith(partitions);
        }
    }

    public void Resume(IReadOnlyList<PartitionId> partitions)
    {
        lock (_gate)
        {
            _paused.ExceptWith(partitions);
        }
    }

    public void Seek(PartitionId partition, long offset)
    {
        lock (_gate)
        {
            _positions[partition] = offset;
        }
    }

    public IReadOnlyList<SinkRecord> ReadRange(PartitionId partition, long first, long last, CancellationToken cancellationToken) =>
        log.Range(partition, first, last);

    public void Close() => Closed = true;

    public void Dispose()
    {
    }

    private void ApplyRebalances()
    {
        while (true)
        {
            (IReadOnlyList<PartitionId> Revoke, IReadOnlyList<PartitionId> Assign) next;
            lock (_gate)
            {
                if (!_rebalances.TryDequeue(out next))
                {
                    return;
                }

                _assignment.RemoveAll(next.Revoke.Contains);
                foreach (var partition in next.Revoke)
                {
                    _positions.Remove(partition);
                    _paused.Remove(partition);
                }
            }

            if (next.Revoke.Count > 0)
            {
                _revoked?.Invoke(next.Revoke);
            }

            lock (_gate)
            {
                foreach (var partition in next.Assign)
                {
                    _assignment.Add(partition);
                    _positions[partition] = log.Committed(group, partition) ?? 0;
                }
            }

            if (next.Assign.Count > 0)
            {
                _assigned?.Invoke(next.Assign);
            }
        }
    }
}
