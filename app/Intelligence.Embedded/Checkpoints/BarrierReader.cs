using Intelligence.EventLog;

namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// Reads a topic for a consumer that must cut the same batches whenever the same records are logged
/// again: batches end only at checkpoint barriers (and within one, every <c>maxRecords</c> in log order),
/// never on a timer. Between barriers it keeps taking what is logged, so the topic's partitions never
/// fill up; at a barrier it hands over every record logged before it, and tells the barrier they are
/// stored when the consumer has committed every one of them (a consumer may read the next batch before
/// it has stored the last: the processor stage folds one batch while it writes another). After a crash
/// the run replays from the last checkpoint, cuts the same batches, and each insert's token matches the
/// one stored before.
/// </summary>
/// <remarks>
/// It looks for records every <see cref="Poll"/> rather than waiting on the topic's wake-up: a barrier
/// must see the last record logged before it, and no later append may come to wake a reader for it.
/// </remarks>
public sealed class BarrierReader<T> : ITopicReader<T>
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    private readonly ITopicReader<T> _topic;
    private readonly Func<long> _appended;
    private readonly Func<bool> _drained;
    private readonly CheckpointBarrier _barrier;
    private List<LogRecord<T>> _interval = [];
    private List<LogRecord<T>> _ready = [];
    private int _handed;
    private long _taken;
    private long _seen;
    private readonly Lock _commits = new();
    private long _owing = -1;
    private long _uncommitted;

    /// <param name="topic">the topic's own reader</param>
    /// <param name="appended">records appended to the topic in its whole life (its end offsets summed)</param>
    /// <param name="drained">whether the topic is complete and every record read</param>
    /// <param name="barrier">the barriers to cut at</param>
    public BarrierReader(ITopicReader<T> topic, Func<long> appended, Func<bool> drained, CheckpointBarrier barrier)
    {
        _topic = topic;
        _appended = appended;
        _drained = drained;
        _barrier = barrier;
        _taken = appended();
        _seen = barrier.Generation;
        barrier.Join();
    }

    public async ValueTask<bool> ReadBatchAsync(List<LogRecord<T>> batch, int maxRecords, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_handed < _ready.Count)
            {
                var count = Math.Min(maxRecords, _ready.Count - _handed);
                batch.AddRange(_ready.GetRange(_handed, count));
                _handed += count;
                return true;
            }

            var drained = _drained();
            var before = _interval.Count;
            _topic.TryRead(_interval, int.MaxValue);
            _taken += _interval.Count - before;
            var raised = _barrier.RaisedAfter(_seen);
            if (raised.IsCompleted && _taken == _appended())
            {
                // The source holds at the barrier: nothing is appended until every reader has stored its part.
                _seen = raised.Result;
                if (_interval.Count == 0)
                {
                    _barrier.Stored(_seen);
                    continue;
                }

                Cut();
                lock (_commits)
                {
                    // Stored once the consumer has committed every record of the cut (see Commit).
                    (_owing, _uncommitted) = (_seen, _ready.Count);
                }

                continue;
            }

            if (drained)
            {
                // The topic ended without a barrier (a stop or a failure): what is left goes as it is.
                if (_interval.Count == 0)
                {
                    return false;
                }

                Cut();
                continue;
            }

            await Task.WhenAny(raised, Task.Delay(Poll, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Records come only cut at barriers: nothing is handed over on the side.</summary>
    public void TryRead(List<LogRecord<T>> batch, int maxRecords)
    {
    }

    public void Commit(IEnumerable<LogPosition> stored)
    {
        var positions = stored as IReadOnlyCollection<LogPosition> ?? stored.ToList();
        _topic.Commit(positions);
        long passed = -1;
        lock (_commits)
        {
            if (_owing >= 0 && (_uncommitted -= positions.Count) <= 0)
            {
                (passed, _owing) = (_owing, -1);
            }
        }

        if (passed >= 0)
        {
            _barrier.Stored(passed);
        }
    }

    /// <summary>The records read since the last barrier become the batches to hand over, in log order.</summary>
    private void Cut()
    {
        _interval.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        (_ready, _interval) = (_interval, _ready);
        _interval.Clear();
        _handed = 0;
    }
}
