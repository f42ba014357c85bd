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
    private readonly ConcurrentDictionary<string, SourceCounts> _byEventSource = new(StringComparer.Ordinal);
    private long _received;
    private long _accepted;
    private long _duplicates;
    private long _rejected;

    /// <summary>The source events name when they cannot be read far enough to say.</summary>
    public const string UnknownEventSource = "(unreadable)";

    public void Count(string inputSource, IngestResult result)
    {
        Interlocked.Increment(ref _received);
        switch (result.Status)
        {
            case IngestStatus.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case IngestStatus.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            case IngestStatus.Rejected:
                Interlocked.Increment(ref _rejected);
                Interlocked.Increment(ref _byReason[(int)result.Rejection!.Reason]);
                break;
        }

        _bySource.GetOrAdd(inputSource, _ => new SourceCounts()).Add(result.Status);
        _byEventSource.GetOrAdd(result.EventSource ?? UnknownEventSource, _ => new SourceCounts()).Add(result.Status);
    }

    /// <summary>Continues from a checkpoint's counts, before the first input.</summary>
    public void Restore(IngestTotals totals)
    {
        if (Interlocked.Read(ref _received) != 0)
        {
            throw new InvalidOperationException("Counters that have counted inputs cannot be restored.");
        }

        (_received, _accepted, _duplicates, _rejected) = (totals.Received, totals.Accepted, totals.Duplicates, totals.Rejected);
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            _byReason[(int)reason] = totals.RejectsByReason.GetValueOrDefault(reason.Code());
        }

        foreach (var (source, counts) in totals.BySource)
        {
            _bySource[source] = SourceCounts.From(counts);
        }

        foreach (var (source, counts) in totals.ByEventSource)
        {
            _byEventSource[source] = SourceCounts.From(counts);
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
        Totals(_bySource))
    {
        ByEventSource = Totals(_byEventSource),
    };

    private static Dictionary<string, SourceTotals> Totals(ConcurrentDictionary<string, SourceCounts> counts) =>
        counts.ToDictionary(kv => kv.Key, kv => kv.Value.Totals());

    private sealed class SourceCounts
    {
        private long _received;
        private long _accepted;
        private long _duplicates;
        private long _rejected;

        public void Add(IngestStatus status)
        {
            Interlocked.Increment(ref _received);
            _ = status switch
            {
                IngestStatus.Accepted => Interlocked.Increment(ref _accepted),
                IngestStatus.Duplicate => Interlocked.Increment(ref _duplicates),
                _ => Interlocked.Increment(ref _rejected),
            };
        }

        public static SourceCounts From(SourceTotals totals) => new()
        {
            _received = totals.Received, _accepted = totals.Accepted, _duplicates = totals.Duplicates, _rejected = totals.Rejected,
        };

        public SourceTotals Totals() => new(Interlocked.Read(ref _received), Interlocked.Read(ref _accepted),
            Interlocked.Read(ref _duplicates), Interlocked.Read(ref _rejected));
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
    /// <summary>The same counts by the source each event names (a channel, a warehouse, a carrier), for data quality.</summary>
    public IReadOnlyDictionary<string, SourceTotals> ByEventSource { get; init; } = new Dictionary<string, SourceTotals>();

    public bool Balances => Received == Accepted + Duplicates + Rejected;
}
