using Intelligence.Analytics;
using Intelligence.Analytics.Migrations;
using Intelligence.Kafka;
using Intelligence.Sink.Batching;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Recovery;
using Intelligence.Sink.Rows;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink;

/// <summary>
/// The ClickHouse sink of the distributed runtime: consumes the events, outputs and dead-letter
/// topics and stores their rows in the analytics store, in batches cut by rows, bytes and linger
/// time. A batch is planned in the store, inserted table by table under tokens derived from its
/// offset ranges (retried with backoff), marked stored, and only then are its offsets committed;
/// partitions assigned later first settle the batches their previous holder left unfinished, so
/// each record lands exactly once. See README.md beside this file.
/// </summary>
public sealed class SinkWorker : IDisposable
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(100);

    private readonly ISinkConsumer _consumer;
    private readonly KafkaSinkOptions _options;
    private readonly IAnalyticsStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly RecordRows _rows;
    private readonly PartitionBook _book = new();
    private readonly SinkBatch _batch = new();
    private readonly BatchWriter _batches;
    private readonly AssignmentRecovery _recovery;
    private readonly OffsetCommits _commits;
    private readonly LagMeter _lag;
    private readonly List<PartitionId> _newlyAssigned = [];
    private DateTimeOffset? _batchOpenedAt;
    private bool _storing;
    private bool _disposed;

    /// <summary>A sink reading Kafka through Confluent.Kafka with <paramref name="kafka"/>'s brokers and security.</summary>
    public SinkWorker(KafkaOptions kafka, KafkaSinkOptions options, IAnalyticsStore store, ILoggerFactory loggers, TimeProvider clock)
        : this(new ConfluentSinkConsumer(kafka, Valid(options), loggers.CreateLogger<ConfluentSinkConsumer>()), options, store, loggers, clock)
    {
    }

    /// <summary>A sink reading through <paramref name="consumer"/>, which it owns (closes and disposes).</summary>
    public SinkWorker(ISinkConsumer consumer, KafkaSinkOptions options, IAnalyticsStore store, ILoggerFactory loggers, TimeProvider clock)
    {
        _consumer = consumer;
        _options = Valid(options);
        _store = store;
        _clock = clock;
        _logger = loggers.CreateLogger<SinkWorker>();
        Metrics = new SinkMetrics(clock);
        KeepAliveEvery = _options.MaxPollInterval / 10;
        _rows = new RecordRows(options);
        var retry = new StoreRetry(options.Backoff, clock, failed =>
        {
            Metrics.Retried();
            _logger.LogWarning(failed.Error, "Writing {What} failed (attempt {Attempt}); retrying in {Wait}", failed.What, failed.Attempt, failed.Wait);
        });
        var writer = new StoreWriter(store, retry);
        var progress = new SinkProgress(store, options.Database, writer, clock);
        _batches = new BatchWriter(options.Database, writer, progress, Metrics);
        _lag = new LagMeter(consumer, Metrics, clock);
        _commits = new OffsetCommits(consumer, _book, Metrics, _logger);
        _recovery = new AssignmentRecovery(consumer, _book, progress, _batches, _rows, _commits, options, Metrics, clock, _logger);
    }

    public SinkMetrics Metrics { get; }

    /// <summary>How long a batch may wait on the store before the consumer polls (paused) to stay in its group.</summary>
    internal TimeSpan KeepAliveEvery { get; set; }

    /// <summary>
    /// Applies the schema's migrations, then consumes until <paramref name="cancellationToken"/> is
    /// cancelled (returns) or the store refuses a batch for good (<see cref="SinkFailedException"/>
    /// naming the table and the reason). Either way nothing is committed past what is stored, and
    /// the consumer leaves the group. Polling blocks the calling thread for up to 100 ms at a time.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await Migrator.ApplyAsync(_store, _options.Database, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Sink {Group} storing {Topics} into {Database} on {Store}", _options.GroupId,
                string.Join(", ", _options.Topics), _options.Database, _store.Description);
            _consumer.Subscribe(_options.Topics, OnAssigned, OnRevoked);
            while (!cancellationToken.IsCancellationRequested)
            {
                var record = _consumer.Poll(PollTimeout());
                if (_newlyAssigned.Count > 0)
                {
                    List<PartitionId> assigned = [.. _newlyAssigned];
                    _newlyAssigned.Clear();
                    await _recovery.ResumeAsync(assigned, cancellationToken).ConfigureAwait(false);
                }

                if (record is not null)
                {
                    Take(record);
                }

                if (IsDue())
                {
                    await StoreBatchAsync(cancellationToken).ConfigureAwait(false);
                }

                _lag.Measure();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A batch cut short here was planned at most: whoever reads its partitions next settles it.
        }
        finally
        {
            if (!_batch.IsEmpty)
            {
                _logger.LogInformation("Stopping with {Records} records read but not stored; they were not committed and are read again", _batch.Records);
            }

            _batch.Clear();
            _consumer.Close();
            _logger.LogInformation("Sink {Group} stopped", _options.GroupId);
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _rows.Dispose();
            _consumer.Dispose();
        }
    }

    private static KafkaSinkOptions Valid(KafkaSinkOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new ArgumentException(string.Join("; ", problems), nameof(options));
    }

    private void Take(SinkRecord record)
    {
        if (!_book.Holds(record.Partition))
        {
            return;
        }

        if (_book.IsStored(record))
        {
            Metrics.Skipped();
            return;
        }

        Metrics.Read();
        _batch.Add(record, _book.StartOf(record.Partition), _rows);
        _batchOpenedAt ??= _clock.GetUtcNow();
    }

    private bool IsDue() =>
        !_batch.IsEmpty && (_batch.Records >= _options.MaxBatchRows || _batch.Bytes >= _options.MaxBatchBytes
            || _clock.GetUtcNow() - _batchOpenedAt >= _options.Linger);

    private TimeSpan PollTimeout()
    {
        if (_batchOpenedAt is not { } opened)
        {
            return LongestPoll;
        }

        var left = opened + _options.Linger - _clock.GetUtcNow();
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left < LongestPoll ? left : LongestPoll;
    }

    private async Task StoreBatchAsync(CancellationToken cancellationToken)
    {
        var plan = _batch.Plan(_options.GroupId);
        var started = _clock.GetTimestamp();
        _storing = true;
        try
        {
            var keepAlive = new GroupKeepAlive(_consumer, KeepAliveEvery, _clock);
            await keepAlive.WhileAsync(_batches.StoreAsync(plan, _batch, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _storing = false;
        }

        Metrics.BatchStored(_batch.DeadLettered);
        // A partition given back to us while the batch was stored may have moved on under another
        // member meanwhile: committing our end would move its offset backwards. Its assignment is
        // settled next, from what the group committed.
        _commits.Commit(plan.Ranges.Where(r => !_newlyAssigned.Contains(r.Partition)).Select(r => new PartitionOffset(r.Partition, r.Last + 1)),
            $"batch {plan.Id}");
        _logger.LogDebug("Stored batch {BatchId}: {Records} records in {Elapsed}", plan.Id, plan.Records, _clock.GetElapsedTime(started));
        _batch.Clear();
        _batchOpenedAt = null;
        _lag.Measure(now: true);
    }

    private void OnAssigned(IReadOnlyList<PartitionId> partitions)
    {
        _book.Assign(partitions);
        _newlyAssigned.AddRange(partitions);
    }

    private void OnRevoked(IReadOnlyList<PartitionId> partitions)
    {
        _book.Revoke(partitions);
        _newlyAssigned.RemoveAll(partitions.Contains);
        Metrics.Unassigned(partitions);

        // Records not yet planned are dropped: nothing of them is stored or committed, and the next
        // holder reads them from the committed offset. A batch being stored keeps them: it is planned.
        var dropped = _storing ? 0 : _batch.Drop(partitions);
        if (_batch.IsEmpty && !_storing)
        {
            _batchOpenedAt = null;
        }

        _logger.LogInformation("Revoked {Partitions}; {Dropped} records read from them and not yet stored are left to their next holder",
            string.Join(", ", partitions), dropped);
    }
}
