using System.Text;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Tests.Support;

/// <summary>
/// Topics held in memory, with each group's committed offsets: what the fake consumers read and
/// commit, and what outlives a worker that crashed, as a broker would. Offsets may leave gaps
/// (<see cref="MarkerEvery"/>), as transaction markers do on a topic written by the processors.
/// </summary>
public sealed class FakeKafkaLog
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<PartitionId, List<SinkRecord>> _records = new(PartitionId.Order);
    private readonly Dictionary<PartitionId, long> _next = [];
    private readonly Dictionary<(string Group, PartitionId Partition), long> _committed = [];

    public FakeKafkaLog(params (string Topic, int Partitions)[] topics)
    {
        foreach (var (topic, partitions) in topics)
        {
            for (var p = 0; p < partitions; p++)
            {
                _records[new PartitionId(topic, p)] = [];
                _next[new PartitionId(topic, p)] = 0;
            }
        }
    }

    /// <summary>After this many records of a partition, one offset is taken by a (not delivered) transaction marker.</summary>
    public int? MarkerEvery { get; init; }

    public IReadOnlyList<PartitionId> Partitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Keys];
            }
        }
    }

    public List<(string Group, IReadOnlyList<PartitionOffset> Offsets)> Commits { get; } = [];

    public SinkRecord Append(string topic, int partition, byte[] value, DateTimeOffset timestamp, params (string Name, string Value)[] headers)
    {
        lock (_gate)
        {
            var id = new PartitionId(topic, partition);
            var records = _records[id];
            var offset = _next[id];
            var record = new SinkRecord(id, offset, timestamp, value,
                headers.Select(h => new KeyValuePair<string, byte[]>(h.Name, Encoding.UTF8.GetBytes(h.Value))).ToList());
            records.Add(record);
            _next[id] = offset + 1 + (MarkerEvery is { } every && records.Count % every == 0 ? 1 : 0);
            return record;
        }
    }

    public IReadOnlyList<SinkRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Values.SelectMany(r => r)];
            }
        }
    }

    /// <summary>The first record at or after <paramref name="offset"/>, or null at the end.</summary>
    public SinkRecord? At(PartitionId partition, long offset)
    {
        lock (_gate)
        {
            // Offsets grow along the list: a binary search keeps a poll cheap on a long partition.
            var records = _records[partition];
            int low = 0, high = records.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = records[middle].Offset < offset ? (middle + 1, high) : (low, middle);
            }

            return low < records.Count ? records[low] : null;
        }
    }

    public IReadOnlyList<SinkRecord> Range(PartitionId partition, long first, long last)
    {
        lock (_gate)
        {
            return [.. _records[partition].Where(r => r.Offset >= first && r.Offset <= last)];
        }
    }

    /// <summary>The high watermark: one past the last offset taken (a marker included).</summary>
    public long End(PartitionId partition)
    {
        lock (_gate)
        {
            return _next[partition];
        }
    }

    public long? Committed(string group, PartitionId partition)
    {
        lock (_gate)
        {
            return _committed.TryGetValue((group, partition), out var offset) ? offset : null;
        }
    }

    public void Commit(string group, IReadOnlyList<PartitionOffset> offsets)
    {
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                _committed[(group, offset.Partition)] = offset.Offset;
            }

            Commits.Add((group, offsets));
        }
    }

    /// <summary>Whether the group has committed past every record of every partition.</summary>
    public bool AllCommitted(string group)
    {
        lock (_gate)
        {
            return _records.All(p => p.Value.Count == 0 || (_committed.TryGetValue((group, p.Key), out var c) && c > p.Value[^1].Offset));
        }
    }
}
