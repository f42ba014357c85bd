namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// The point a checkpoint is taken at. The source holds and raises it; each reader of the log hands its
/// consumer every record logged before it, and says so once the consumer has stored and committed them
/// (<see cref="BarrierReader{T}"/>). When all have, nothing logged is unstored and the state can be written.
/// </summary>
public sealed class CheckpointBarrier
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<long> _raised = NewRaised();
    private TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _generation;
    private int _readers;
    private int _readersStored;

    /// <summary>Barriers raised so far.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Adds a reader that must store each barrier's records before the barrier is passed.</summary>
    public void Join()
    {
        lock (_gate)
        {
            _readers++;
        }
    }

    /// <summary>Completes with the barrier's generation once one later than <paramref name="seen"/> is raised.</summary>
    public Task<long> RaisedAfter(long seen)
    {
        lock (_gate)
        {
            return _generation > seen ? Task.FromResult(_generation) : _raised.Task;
        }
    }

    /// <summary>Raises the next barrier and waits until every reader has stored what was logged before it.</summary>
    public async Task RaiseAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<long> raised;
        Task stored;
        long generation;
        lock (_gate)
        {
            generation = ++_generation;
            _readersStored = 0;
            _stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            stored = _stored.Task;
            raised = _raised;
            _raised = NewRaised();
            if (_readers == 0)
            {
                _stored.TrySetResult();
            }
        }

        raised.TrySetResult(generation);
        await stored.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reader has stored every record logged before barrier <paramref name="generation"/>.</summary>
    public void Stored(long generation)
    {
        lock (_gate)
        {
            if (generation == _generation && ++_readersStored == _readers)
            {
                _stored.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource<long> NewRaised() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
