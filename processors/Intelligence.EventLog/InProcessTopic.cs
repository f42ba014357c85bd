using System.Threading.Channels;

namespace Intelligence.EventLog;

/// <summary>
/// An in-process topic: partitioned by key as Kafka is, bounded by record count per partition and
/// by bytes overall, with offsets per partition. One reader drains all partitions.
/// </summary>
public sealed class InProcessTopic<T> : ITopicWriter<T>
{
    private readonly Partition[] _partitions;
    private readonly MemoryBudget _budget;
    private readonly Func<T, int> _sizeOf;

    // Numbers appends across partitions; taken with the write, under one lock, so the numbers have no gap.
    private readonly Lock _append = new();
    private long _sequence;

    // Wakes the reader when it waits for records: one signal for the whole topic, swapped on use.
    private TaskCompletionSource _available = NewSignal();
    private int _readerWaiting;

    public InProcessTopic(TopicOptions options, Func<T, int> sizeOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PartitionCapacity, 1);
        Options = options;
        _sizeOf = sizeOf;
        _budget = new MemoryBudget(options.MaxBytes);
        _partitions = Enumerable.Range(0, options.Partitions).Select(_ => new Partition(options.PartitionCapacity)).ToArray();
    }

    public TopicOptions Options { get; }

    public int Partitions => _partitions.Length;

    public long BufferedBytes => _budget.UsedBytes;

    public async ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken)
    {
        var index = KeyPartitioner.PartitionFor(key, _partitions.Length);
        var partition = _partitions[index];
        var size = _sizeOf(value);
        await _budget.AcquireAsync(size, cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                LogPosition? written = null;
                lock (_append)
                {
                    lock (partition.Gate)
                    {
                        var position = new LogPosition(index, partition.NextOffset);
                        var record = new LogRecord<T>(key, value, position) { Sequence = _sequence };
                        if (partition.Queue.Writer.TryWrite(new Entry(record, size)))
                        {
                            partition.NextOffset++;
                            _sequence++;
                            written = position;
                        }
                    }
                }

                if (written is { } done)
                {
                    WakeReader();
                    return done;
                }

                if (!await partition.Queue.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"Topic '{Options.Name}' is closed to new records.");
                }
            }
        }
        catch
        {
            _budget.Release(size);
            throw;
        }
    }

    /// <summary>No more appends: readers drain what is left, then end.</summary>
    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            lock (partition.Gate)
            {
                partition.Queue.Writer.TryComplete();
            }
        }

        Interlocked.Exchange(ref _available, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void WakeReader()
    {
        if (Volatile.Read(ref _readerWaiting) == 1 && Interlocked.Exchange(ref _readerWaiting, 0) == 1)
        {
            Interlocked.Exchange(ref _available, NewSignal()).TrySetResult();
        }
    }

    /// <summary>Completed, and every record read.</summary>
    public bool IsDrained => Array.TrueForAll(_partitions, p => p.Queue.Reader.Completion.IsCompleted);

    /// <summary>The offset the next record of a partition will get (Kafka's log-end offset).</summary>
    public long EndOffset(int partition)
    {
        lock (_partitions[partition].Gate)
        {
            return _partitions[partition].NextOffset;
        }
    }

    /// <summary>
    /// Continues a topic from a checkpoint, before the first append: each partition's offsets go on
    /// from where the stored records ended (a restarted consumer group's committed offsets). Sequence
    /// numbers, which only order one life's reads, start again at 0.
    /// </summary>
    public void StartAt(IReadOnlyList<long> offsets)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(offsets.Count, _partitions.Length, nameof(offsets));
        for (var p = 0; p < _partitions.Length; p++)
        {
            lock (_partitions[p].Gate)
            {
                if (_partitions[p].NextOffset != 0)
                {
                    throw new InvalidOperationException($"Topic '{Options.Name}' has records already: it cannot start again at a checkpoint.");
                }

                _partitions[p].NextOffset = offsets[p];
                Interlocked.Exchange(ref _partitions[p].Committed, offsets[p]);
            }
        }
    }

    /// <summary>Records appended in this topic's whole life, checkpointed lives included (the sum of the end offsets).</summary>
    public long Appended => Enumerable.Range(0, _partitions.Length).Sum(EndOffset);

    /// <summary>The next offset not yet stored by the reader (Kafka's committed offset).</summary>
    public long CommittedOffset(int partition) => Interlocked.Read(ref _partitions[partition].Committed);

    /// <summary>Records appended but not yet committed, over all partitions.</summary>
    public long Lag => Enumerable.Range(0, _partitions.Length).Sum(p => EndOffset(p) - CommittedOffset(p));

    public ITopicReader<T> Reader() => new RoundRobinReader(this);

    private readonly record struct Entry(LogRecord<T> Record, int Size);

    private sealed class Partition(int capacity)
    {
        public readonly Lock Gate = new();
        public readonly Channel<Entry> Queue = Channel.CreateBounded<Entry>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        public long NextOffset;
        public long Committed;
    }

    /// <summary>
    /// Takes from each partition in turn so that no partition starves. The byte budget is given back
    /// when records are committed (stored), not when they are read, so the topic's bound covers the
    /// reader's unstored batch too. Commits come in the order records were read; they may come from
    /// another thread than the reads (a stage that writes one batch while it folds the next).
    /// </summary>
    private sealed class RoundRobinReader(InProcessTopic<T> topic) : ITopicReader<T>
    {
        private readonly Queue<int> _unstoredSizes = new();
        private int _next;

        public async ValueTask<bool> ReadBatchAsync(List<LogRecord<T>> batch, int maxRecords, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = batch.Count;
                var open = Take(batch, maxRecords);
                if (batch.Count > start)
                {
                    return true;
                }

                if (open == 0)
                {
                    return false;
                }

                // Announce the wait, then look once more: a record appended before the announcement is
                // found here, one appended after it swaps the signal captured first.
                var signal = Volatile.Read(ref topic._available).Task;
                Volatile.Write(ref topic._readerWaiting, 1);
                open = Take(batch, maxRecords);
                if (batch.Count > start || open == 0)
                {
                    Volatile.Write(ref topic._readerWaiting, 0);
                    return batch.Count > start;
                }

                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void TryRead(List<LogRecord<T>> batch, int maxRecords) => Take(batch, maxRecords);

        public void Commit(IEnumerable<LogPosition> stored)
        {
            long bytes = 0;
            foreach (var position in stored)
            {
                ref var committed = ref topic._partitions[position.Partition].Committed;
                var next = position.Offset + 1;
                if (next > Interlocked.Read(ref committed))
                {
                    Interlocked.Exchange(ref committed, next);
                }

                lock (_unstoredSizes)
                {
                    if (_unstoredSizes.Count > 0)
                    {
                        bytes += _unstoredSizes.Dequeue();
                    }
                }
            }

            if (bytes > 0)
            {
                topic._budget.Release(bytes);
            }
        }

        /// <summary>
        /// Takes ready records one from each partition in turn, so that a batch advances every partition
        /// alike (as a Kafka consumer's fetches do) rather than draining one far ahead of the others;
        /// returns how many partitions are still open.
        /// </summary>
        private int Take(List<LogRecord<T>> batch, int maxRecords)
        {
            var partitions = topic._partitions;
            var took = true;
            while (took && batch.Count < maxRecords)
            {
                took = false;
                for (var i = 0; i < partitions.Length && batch.Count < maxRecords; i++)
                {
                    if (partitions[(_next + i) % partitions.Length].Queue.Reader.TryRead(out var entry))
                    {
                        lock (_unstoredSizes)
                        {
                            _unstoredSizes.Enqueue(entry.Size);
                        }

                        batch.Add(entry.Record);
                        took = true;
                    }
                }
            }

            _next = (_next + 1) % partitions.Length;
            var open = 0;
            foreach (var partition in partitions)
            {
                open += partition.Queue.Reader.Completion.IsCompleted ? 0 : 1;
            }

            return open;
        }
    }
}
