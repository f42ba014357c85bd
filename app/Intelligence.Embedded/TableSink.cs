using System.Buffers;
using Intelligence.Analytics;
using Intelligence.EventLog;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>
/// Drains a topic into one table of the analytics store, each record a row in the form
/// <see cref="TableRows{T}"/> writes: batched by size and time, each batch
/// written with a deduplication token derived from the log's epoch and the batch's positions (so a
/// retried batch is stored once), retried with backoff while the store fails, and committed only once
/// stored. The epoch names one life of the in-process log: offsets restart with it, so without it a
/// new run's first batch would be taken for an old one's.
/// </summary>
public sealed class TableSink<T>(
    string table,
    string logEpoch,
    ITopicReader<T> reader,
    IAnalyticsStore store,
    TableRows<T> encode,
    SinkOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private readonly StoreWriter _writer = options.WriterFor(store, clock, logger);
    private long _rowsStored;
    private long _batches;

    public string Table => table;

    public long RowsStored => Interlocked.Read(ref _rowsStored);

    public long Batches => Interlocked.Read(ref _batches);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<LogRecord<T>>(Math.Min(options.MaxBatchRows, 65_536));
        var rows = new ArrayBufferWriter<byte>(1 << 20);
        while (await reader.ReadBatchAsync(batch, options.MaxBatchRows, cancellationToken).ConfigureAwait(false))
        {
            await reader.FillAsync(batch, options.MaxBatchRows, options.Linger, clock, cancellationToken).ConfigureAwait(false);
            rows.ResetWrittenCount();
            var body = encode(batch, rows);
            await _writer.InsertAsync(table, body, BatchToken.Of(table, logEpoch, batch), batch.Count,
                cancellationToken).ConfigureAwait(false);
            // Counted before the commit: a checkpoint barrier passes at the commit and takes these counts.
            Interlocked.Add(ref _rowsStored, batch.Count);
            Interlocked.Increment(ref _batches);
            reader.Commit(batch.Select(r => r.Position));
            batch.Clear();
        }
    }
}
