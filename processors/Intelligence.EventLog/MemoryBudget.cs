namespace Intelligence.EventLog;

/// <summary>
/// A byte budget shared by a topic's partitions: producers wait for room instead of growing memory.
/// A single record larger than the whole budget is admitted alone, so it cannot block forever.
/// </summary>
public sealed class MemoryBudget(long capacityBytes)
{
    private readonly Lock _gate = new();
    private long _used;
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long CapacityBytes => capacityBytes;

    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    public bool TryAcquire(long bytes)
    {
        lock (_gate)
        {
            if (_used == 0 || _used + bytes <= capacityBytes)
            {
                _used += bytes;
                return true;
            }

            return false;
        }
    }

    public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task freed;
            lock (_gate)
            {
                if (_used == 0 || _used + bytes <= capacityBytes)
                {
                    _used += bytes;
                    return;
                }

                freed = _freed.Task;
            }

            await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            _used -= bytes;
            freed = _freed;
            _freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        freed.TrySetResult();
    }
}
