using System.Collections.Concurrent;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink;

/// <summary>
/// What the sink has done since it started, counted as it goes (safe to read from any thread):
/// the host logs <see cref="Snapshot"/> every few seconds and serves it.
/// </summary>
public sealed class SinkMetrics(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _rowsStored = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PartitionId, long> _lag = new();
    private long _recordsRead;
    private long _batches;
    private long _retries;
    private long _deadLettered;
    private long _duplicatesSkipped;
    private long _recordsReplayed;
    private long _batchesReplayed;
    private long _commits;
    private long _commitFailures;
    private long _lastStoredAtTicks;

    public SinkMetricsSnapshot Snapshot()
    {
        var last = Interlocked.Read(ref _lastStoredAtTicks);
        return new SinkMetricsSnapshot(
            clock.GetUtcNow(),
            Interlocked.Read(ref _recordsRead),
            Interlocked.Read(ref _batches),
            new SortedDictionary<string, long>(_rowsStored, StringComparer.Ordinal),
            Interlocked.Read(ref _deadLettered),
            Interlocked.Read(ref _retries),
            Interlocked.Read(ref _duplicatesSkipped),
            Interlocked.Read(ref _recordsReplayed),
            Interlocked.Read(ref _batchesReplayed),
            Interlocked.Read(ref _commits),
            Interlocked.Read(ref _commitFailures),
            _lag.OrderBy(l => l.Key, PartitionId.Order).Select(l => new PartitionLag(l.Key.Topic, l.Key.Partition, l.Value)).ToList(),
            last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero));
    }

    internal void Read() => Interlocked.Increment(ref _recordsRead);

    internal void Stored(string table, int rows) => _rowsStored.AddOrUpdate(table, rows, (_, n) => n + rows);

    internal void BatchStored(int deadLettered)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _deadLettered, deadLettered);
        Interlocked.Exchange(ref _lastStoredAtTicks, clock.GetUtcNow().UtcTicks);
    }

    internal void Retried() => Interlocked.Increment(ref _retries);

    internal void Skipped() => Interlocked.Increment(ref _duplicatesSkipped);

    internal void Replayed(int records)
    {
        Interlocked.Increment(ref _batchesReplayed);
        Interlocked.Add(ref _recordsReplayed, records);
    }

    internal void Committed() => Interlocked.Increment(ref _commits);

    internal void CommitFailed() => Interlocked.Increment(ref _commitFailures);

    internal void Lag(PartitionId partition, long lag) => _lag[partition] = lag;

    internal void Unassigned(IEnumerable<PartitionId> partitions)
    {
        foreach (var partition in partitions)
        {
            _lag.TryRemove(partition, out _);
        }
    }
}

/// <summary>
/// The sink's counters at <see cref="At"/>. <see cref="DuplicatesSkipped"/> counts records read
/// again after a crash or rebalance that a stored batch already held (not stored twice);
/// <see cref="RecordsReplayed"/> counts records of batches planned but not known stored, inserted
/// again under their first tokens (ClickHouse drops the tables that already had them).
/// </summary>
public sealed record SinkMetricsSnapshot(
    DateTimeOffset At,
    long RecordsRead,
    long Batches,
    IReadOnlyDictionary<string, long> RowsStored,
    long DeadLettered,
    long Retries,
    long DuplicatesSkipped,
    long RecordsReplayed,
    long BatchesReplayed,
    long Commits,
    long CommitFailures,
    IReadOnlyList<PartitionLag> Lag,
    DateTimeOffset? LastStoredAt)
{
    /// <summary>Records waiting on every partition this member holds.</summary>
    public long TotalLag => Lag.Sum(l => l.Lag);
}

/// <summary>How far this member is behind on one partition: high watermark minus its position.</summary>
public sealed record PartitionLag(string Topic, int Partition, long Lag);
