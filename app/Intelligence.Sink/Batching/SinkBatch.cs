using System.Buffers;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Rows;

namespace Intelligence.Sink.Batching;

/// <summary>
/// The records read since the last stored batch, held once: each as its JSONEachRow line in one
/// buffer, indexed by table and by partition range. A table's rows are written in partition and
/// offset order, so the same records make the same insert whatever order the polls interleaved them in.
/// </summary>
internal sealed class SinkBatch
{
    private readonly ArrayBufferWriter<byte> _rows = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> _insert = new(64 * 1024);
    private readonly Dictionary<string, List<RowSpan>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<PartitionId, PlannedRange> _ranges = [];

    /// <summary>Records in the batch (each is one row).</summary>
    public int Records { get; private set; }

    /// <summary>Bytes of row JSON held.</summary>
    public long Bytes => _rows.WrittenCount;

    /// <summary>Records the sink turned into dead letters (unreadable envelope, unknown table, malformed row).</summary>
    public int DeadLettered { get; private set; }

    public bool IsEmpty => Records == 0;

    /// <summary>Adds a record read from a partition whose batches continue from committed offset <paramref name="start"/>.</summary>
    public void Add(SinkRecord record, long start, RecordRows rows)
    {
        var at = _rows.WrittenCount;
        var target = rows.Write(record, _rows);
        if (!_tables.TryGetValue(target.Table, out var spans))
        {
            _tables[target.Table] = spans = [];
        }

        spans.Add(new RowSpan(record.Partition, record.Offset, at, _rows.WrittenCount - at, target.IsDeadLetter));
        _ranges[record.Partition] = _ranges.TryGetValue(record.Partition, out var range)
            ? range with { First = Math.Min(range.First, record.Offset), Last = Math.Max(range.Last, record.Offset), Records = range.Records + 1 }
            : new PlannedRange(record.Partition, start, record.Offset, record.Offset, 1);
        Records++;
        DeadLettered += target.IsDeadLetter ? 1 : 0;
    }

    /// <summary>Forgets the records of <paramref name="partitions"/> (taken away by a rebalance); returns how many.</summary>
    public int Drop(IReadOnlyCollection<PartitionId> partitions)
    {
        var dropped = 0;
        foreach (var partition in partitions)
        {
            if (_ranges.Remove(partition, out var range))
            {
                dropped += range.Records;
            }
        }

        if (dropped > 0)
        {
            foreach (var spans in _tables.Values)
            {
                DeadLettered -= spans.Count(s => s.DeadLetter && partitions.Contains(s.Partition));
                spans.RemoveAll(s => partitions.Contains(s.Partition));
            }

            // Their bytes stay in the buffer until the batch is stored; they still count against MaxBatchBytes.
            Records -= dropped;
            if (Records == 0)
            {
                Clear();
            }
        }

        return dropped;
    }

    /// <summary>The batch's ranges in partition order, for <paramref name="groupId"/>.</summary>
    public BatchPlan Plan(string groupId) =>
        new(groupId, _ranges.Values.OrderBy(r => r.Partition, PartitionId.Order).ToList());

    /// <summary>
    /// Each table (in name order) with its rows as one JSONEachRow block. The block lives in a buffer
    /// reused for the next table: insert it before moving on.
    /// </summary>
    public IEnumerable<TableRows> Tables()
    {
        foreach (var (table, spans) in _tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (spans.Count == 0)
            {
                continue;
            }

            spans.Sort(RowSpan.Order);
            _insert.ResetWrittenCount();
            var all = _rows.WrittenSpan;
            foreach (var span in spans)
            {
                _insert.Write(all.Slice(span.Start, span.Length));
            }

            yield return new TableRows(table, spans.Count, _insert.WrittenMemory);
        }
    }

    public void Clear()
    {
        _rows.ResetWrittenCount();
        _tables.Clear();
        _ranges.Clear();
        Records = 0;
        DeadLettered = 0;
    }

    private readonly record struct RowSpan(PartitionId Partition, long Offset, int Start, int Length, bool DeadLetter)
    {
        public static readonly Comparison<RowSpan> Order = (a, b) =>
        {
            var byPartition = PartitionId.Order.Compare(a.Partition, b.Partition);
            return byPartition != 0 ? byPartition : a.Offset.CompareTo(b.Offset);
        };
    }
}

/// <summary>One table's rows of a batch: how many, and the JSONEachRow block to insert.</summary>
internal readonly record struct TableRows(string Table, int Rows, ReadOnlyMemory<byte> Json);
