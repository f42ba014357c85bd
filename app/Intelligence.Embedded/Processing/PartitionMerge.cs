using Intelligence.EventLog;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Puts records read from several partitions back in the order they were logged (their
/// <see cref="LogRecord{T}.Sequence"/>), however the reads happened to be batched. The processors fold
/// events in that order, so the same input gives the same results in every run: the input order for a
/// file or the simulator, the arrival order for HTTP. Order within a partition, and so per key, is the
/// log's own. A record is taken only when every record logged before it has been taken.
/// </summary>
public sealed class PartitionMerge<T>
{
    private readonly PriorityQueue<LogRecord<T>, long> _waiting = new();
    private long _next;

    /// <summary>Records read and not yet taken.</summary>
    public int Buffered => _waiting.Count;

    public void Add(List<LogRecord<T>> records)
    {
        foreach (var record in records)
        {
            _waiting.Enqueue(record, record.Sequence);
        }
    }

    /// <summary>Moves records, in log order, to <paramref name="taken"/> until it holds <paramref name="max"/> or the next one is not read yet.</summary>
    public void Take(List<LogRecord<T>> taken, int max)
    {
        while (taken.Count < max && _waiting.TryPeek(out _, out var sequence) && sequence == _next)
        {
            taken.Add(_waiting.Dequeue());
            _next++;
        }
    }
}
