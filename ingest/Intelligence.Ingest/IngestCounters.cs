using System.Collections.Concurrent;
using Intelligence.Contracts.Validation;

namespace Intelligence.Ingest;

/// <summary>
/// Counts every input by outcome, by rejection reason and by input source. The invariant the
/// pipeline is held to: received = accepted + duplicates + rejected.
/// </summary>
public sealed class IngestCounters
{
    private readonly long[] _byReason = new long[Enum.GetValues<RejectReason>().Length];
    private readonly ConcurrentDictionary<string, SourceCounts> _bySource = new(StringComparer.Ordinal);
    private long _received;
    private long _accepted;
    private long _duplicates;
    private long _rejected;

    public void Count(string inputSource, IngestResult result)
    {
        var source = _bySource.GetOrAdd(inputSource, _ => new SourceCounts());
        Interlocked.Increment(ref _received);
        Interlocked.Increment(ref source.Received);
        switch (result.Status)
        {
            case IngestStatus.Accepted:
                Interlocked.Increment(ref _accepted);
                Interlocked.Increment(ref source.Accepted);
                break;
            case IngestStatus.Duplicate:
                Interlocked.Increment(ref _duplicates);
                Interlocked.Increment(ref source.Duplicates);
                break;
            case IngestStatus.Rejected:
                Interlocked.Increment(ref _rejected);
                Interlocked.Increment(ref source.Rejected);
                Interlocked.Increment(ref _byReason[(int)result.Rejection!.Reason]);
                break;
        }
    }

    public IngestTotals Snapshot() => new(
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _rejected),
        Enum.GetValues<RejectReason>()
            .Where(r => Interlocked.Read(ref _byReason[(int)r]) > 0)
            .ToDictionary(r => r.Code(), r => Interlocked.Read(ref _byReason[(int)r])),
        _bySource.ToDictionary(
            kv => kv.Key,
            kv => new SourceTotals(kv.Value.Received, kv.Value.Accepted, kv.Value.Duplicates, kv.Value.Rejected)));

    private sealed class SourceCounts
    {
        public long Received;
        public long Accepted;
        public long Duplicates;
        public long Rejected;
    }
}

public sealed record SourceTotals(long Received, long Accepted, long Duplicates, long Rejected);

/// <summary>A point-in-time copy of the counters.</summary>
public sealed record IngestTotals(
    long Received,
    long Accepted,
    long Duplicates,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, SourceTotals> BySource)
{
    public bool Balances => Received == Accepted + Duplicates + Rejected;
}
