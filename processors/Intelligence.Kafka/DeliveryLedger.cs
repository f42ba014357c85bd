namespace Intelligence.Kafka;

/// <summary>
/// Which records handed to the producer the broker has not yet answered for. Writes are not awaited
/// one by one; a caller that must know its records are stored (an HTTP batch before it answers, a
/// run before it reports) waits once for everything handed over before that moment.
/// </summary>
public sealed class DeliveryLedger
{
    private readonly Lock _lock = new();
    private readonly SortedSet<long> _pending = [];
    private readonly List<(long UpTo, TaskCompletionSource Settled)> _waiters = [];
    private TaskCompletionSource _progress = NewSignal();
    private long _next;
    private long _delivered;
    private long _failed;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Takes a number for a record about to be handed to the producer.</summary>
    public long Enlist()
    {
        lock (_lock)
        {
            var sequence = _next++;
            _pending.Add(sequence);
            return sequence;
        }
    }

    /// <summary>The producer did not take the record (its queue was full, or it refused it).</summary>
    public void Withdraw(long sequence) => Settle(sequence, counted: null);

    /// <summary>The broker answered for a record: stored, or given up.</summary>
    public void Settle(long sequence, bool delivered) => Settle(sequence, counted: delivered);

    /// <summary>Completes when every record enlisted before the call is settled; returns failures so far.</summary>
    public async Task<long> WhenSettledAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? settled = null;
        lock (_lock)
        {
            var upTo = _next - 1;
            if (_pending.Count > 0 && _pending.Min <= upTo)
            {
                settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((upTo, settled));
            }
        }

        if (settled is not null)
        {
            await settled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Failed;
    }

    /// <summary>Completes at the next settlement: a full producer queue has room again.</summary>
    public Task NextSettlementAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _progress.Task.WaitAsync(cancellationToken);
        }
    }

    private void Settle(long sequence, bool? counted)
    {
        if (counted is true)
        {
            Interlocked.Increment(ref _delivered);
        }
        else if (counted is false)
        {
            Interlocked.Increment(ref _failed);
        }

        TaskCompletionSource progress;
        List<TaskCompletionSource>? done = null;
        lock (_lock)
        {
            _pending.Remove(sequence);
            var lowest = _pending.Count == 0 ? long.MaxValue : _pending.Min;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].UpTo < lowest)
                {
                    (done ??= []).Add(_waiters[i].Settled);
                    _waiters.RemoveAt(i);
                }
            }

            progress = _progress;
            _progress = NewSignal();
        }

        progress.TrySetResult();
        done?.ForEach(s => s.TrySetResult());
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
