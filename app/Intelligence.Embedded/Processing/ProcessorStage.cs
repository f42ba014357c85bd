using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Intelligence.Analytics;
using Intelligence.Analytics.RowBinary;
using Intelligence.EventLog;
using Intelligence.Ingest;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Flow;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Hosts the processors in the embedded runtime: reads accepted events from the log, puts them in the
/// order they were logged (<see cref="PartitionMerge{T}"/>: the same input gives the same results
/// however the reads were batched), folds each through the <see cref="FoldEngine"/>, writes what the folds produced table by table
/// (each insert with a token derived from the batch's offsets, so a retried batch lands once) and
/// commits the batch only when every table has it. The batch's alert notices are handed to
/// <c>notices</c> (the delivery channels) only then, so that every notice told is also stored.
/// A key's latest-state rows are written once per batch, from the state the batch leaves
/// (<see cref="FoldEngine.DeferLatestRows"/>). Rows travel as RowBinaryWithNamesAndTypes (<see cref="RowBatchBinary"/>).
/// Folding and writing overlap: while one batch is written (rows encoded, the inserts) the next is
/// folded, on another thread; at most one folded batch waits, and batches are written and committed
/// in the order they were folded. A folded batch keeps only its events' positions, so that the events
/// themselves can be collected while its rows are written.
/// </summary>
public sealed class ProcessorStage(
    Topology topology,
    string database,
    string logEpoch,
    ITopicReader<AcceptedEvent> reader,
    StoreWriter writer,
    TableColumns columns,
    SinkOptions options,
    TimeProvider clock,
    ILogger logger,
    Action<IReadOnlyList<AlertNotice>>? notices = null) : IOutputSink
{
    private readonly Channel<FoldedBatch> _folded = Channel.CreateBounded<FoldedBatch>(
        new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

    private readonly Stack<OutputBatch> _spare = new();
    private OutputBatch _outputs = new();
    private long _events;
    private long _rowsStored;
    private long _failures;
    private TimeSpan _folding;
    private TimeSpan _waitedForInput;
    private TimeSpan _waitedForWriter;

    public FoldEngine Engine { get; } = new(topology) { DeferLatestRows = true };

    public long EventsProcessed => Interlocked.Read(ref _events);

    public long RowsStored => Interlocked.Read(ref _rowsStored);

    public long Failures => Interlocked.Read(ref _failures);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writing = Task.Run(() => WriteAsync(cancellationToken), cancellationToken);
        try
        {
            await FoldAsync(cancellationToken).ConfigureAwait(false);
            _folded.Writer.TryComplete();
        }
        catch (ChannelClosedException)
        {
            // The writer stopped on a failure: its exception is the one to report.
        }
        catch (Exception ex)
        {
            _folded.Writer.TryComplete(ex);
            await Task.WhenAny(writing).ConfigureAwait(false);
            throw;
        }

        await writing.ConfigureAwait(false);
        logger.LogInformation(
            "Processors: folded for {Folding:F1} s, waited {Input:F1} s for the log and {Writer:F1} s for the writer (rows encoded and inserted)",
            _folding.TotalSeconds, _waitedForInput.TotalSeconds, _waitedForWriter.TotalSeconds);
    }

    public void Row(OutputRow row) => _outputs.Add(row);

    public void Count(string metric, string entity, DateTimeOffset minute, double value) => _outputs.Add(metric, entity, minute, value);

    public void Level(string metric, string entity, DateTimeOffset minute, double value, DateTimeOffset observedAt) =>
        _outputs.AddLevel(metric, entity, minute, value, observedAt);

    public void Failed(in Message message, string fold, Exception error)
    {
        Interlocked.Increment(ref _failures);
        logger.LogError(error, "Fold {Fold} failed on event {EventId} ({Input}, key {Key}); the event is kept in {Table}",
            fold, message.EventId, message.Body.GetType().Name, message.Key, ProcessingFailureRow.TableName);
        _outputs.Add(ProcessingFailureRow.From(message, fold, error, clock.GetUtcNow()));
    }

    private async Task FoldAsync(CancellationToken cancellationToken)
    {
        var read = new List<LogRecord<AcceptedEvent>>(options.MaxBatchRows);
        var merge = new PartitionMerge<AcceptedEvent>();
        var batch = new List<LogRecord<AcceptedEvent>>(Math.Min(options.MaxBatchRows, 65_536));
        while (true)
        {
            batch.Clear(); // the last batch's events are folded and its positions handed on: they can go
            merge.Take(batch, options.MaxBatchRows);
            if (batch.Count == 0)
            {
                // The next record in log order is not read yet (it is in the log: numbers are taken with the write).
                var waiting = Stopwatch.GetTimestamp();
                var more = await reader.ReadBatchAsync(read, options.MaxBatchRows, cancellationToken).ConfigureAwait(false);
                _waitedForInput += Stopwatch.GetElapsedTime(waiting);
                if (!more)
                {
                    if (merge.Buffered > 0)
                    {
                        throw new InvalidOperationException(
                            $"{merge.Buffered} events read from the log were never in log order (a gap in its numbering): they were not folded.");
                    }

                    return;
                }

                waiting = Stopwatch.GetTimestamp();
                await reader.FillAsync(read, options.MaxBatchRows, options.Linger, clock, cancellationToken).ConfigureAwait(false);
                _waitedForInput += Stopwatch.GetElapsedTime(waiting);
                merge.Add(read);
                read.Clear();
                continue;
            }

            var folding = Stopwatch.GetTimestamp();
            foreach (var record in batch)
            {
                Engine.Process(record.Value.Event, this);
            }

            Engine.WriteChanged(this);

            _folding += Stopwatch.GetElapsedTime(folding);
            var positions = new LogPosition[batch.Count];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = batch[i].Position;
            }

            var handing = Stopwatch.GetTimestamp();
            await _folded.Writer.WriteAsync(new FoldedBatch(positions, _outputs), cancellationToken).ConfigureAwait(false);
            _waitedForWriter += Stopwatch.GetElapsedTime(handing);
            lock (_spare)
            {
                _outputs = _spare.Count > 0 ? _spare.Pop() : new OutputBatch();
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        var rowBinary = new RowBatchBinary(columns);
        try
        {
            await foreach (var (batch, outputs) in _folded.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var identity = BatchToken.Identity(logEpoch, batch);
                List<AlertNotice>? told = null;
                foreach (var (table, rows) in outputs.ByTable())
                {
                    if (table == AlertNotice.TableName)
                    {
                        told = [.. rows.Cast<AlertNotice>()];
                    }

                    buffer.ResetWrittenCount();
                    rowBinary.Write(table, rows, buffer);
                    var qualified = $"{database}.{table}";
                    await writer.InsertAsync(qualified, InsertBody.RowBinary(buffer.WrittenMemory), BatchToken.For(qualified, identity), rows.Count,
                        cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref _rowsStored, rows.Count);
                }

                outputs.Clear();
                lock (_spare)
                {
                    _spare.Push(outputs);
                }

                // Counted before the commit: a checkpoint barrier passes at the commit and takes these counts.
                Interlocked.Add(ref _events, batch.Length);
                reader.Commit(batch);
                if (told is not null)
                {
                    notices?.Invoke(told);
                }
            }
        }
        catch (Exception ex)
        {
            // Stop the folding too: nothing after a batch that could not be stored may be committed.
            _folded.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Where a batch's events sit in the log, in log order, and what the folds produced for them.</summary>
    private sealed record FoldedBatch(LogPosition[] Events, OutputBatch Outputs);
}
