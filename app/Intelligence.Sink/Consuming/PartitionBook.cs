namespace Intelligence.Sink.Consuming;

/// <summary>
/// What the worker knows of each partition it holds: the committed offset its next batch continues
/// from, and up to which offset its records are stored already (by a batch found on assignment),
/// so that those are skipped when the consumer reads them again.
/// </summary>
internal sealed class PartitionBook
{
    /// <summary>The start recorded for a partition whose group has committed nothing yet.</summary>
    public const long NoneCommitted = -1;

    private readonly HashSet<PartitionId> _held = [];
    private readonly Dictionary<PartitionId, long> _start = [];
    private readonly Dictionary<PartitionId, long> _storedThrough = [];

    public bool Holds(PartitionId partition) => _held.Contains(partition);

    public void Assign(IEnumerable<PartitionId> partitions) => _held.UnionWith(partitions);

    public void Revoke(IEnumerable<PartitionId> partitions)
    {
        foreach (var partition in partitions)
        {
            _held.Remove(partition);
            _start.Remove(partition);
            _storedThrough.Remove(partition);
        }
    }

    public long StartOf(PartitionId partition) => _start.TryGetValue(partition, out var start) ? start : NoneCommitted;

    /// <summary>The group committed <paramref name="next"/> (or nothing: null): the next batch continues from there.</summary>
    public void Committed(PartitionId partition, long? next)
    {
        if (_held.Contains(partition))
        {
            _start[partition] = next ?? NoneCommitted;
        }
    }

    /// <summary>Records of <paramref name="partition"/> up to <paramref name="last"/> are in the store already.</summary>
    public void StoredThrough(PartitionId partition, long last) =>
        _storedThrough[partition] = Math.Max(last, _storedThrough.GetValueOrDefault(partition, long.MinValue));

    public bool IsStored(SinkRecord record) =>
        _storedThrough.TryGetValue(record.Partition, out var last) && record.Offset <= last;
}
