using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Intelligence.Analytics;
using Intelligence.EventLog;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>
/// Drains a topic into one table of the analytics store: batched by size and time, each batch
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
    Action<Utf8JsonWriter, LogRecord<T>> writeRow,
    SinkOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly JsonWriterOptions RowOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

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
            await FillAsync(batch, cancellationToken).ConfigureAwait(false);
            rows.ResetWrittenCount();
            Serialize(batch, rows);
            await StoreAsync(rows.WrittenMemory, TokenFor(batch), batch.Count, cancellationToken).ConfigureAwait(false);
            reader.Commit(batch.Select(r => r.Position));
            Interlocked.Add(ref _rowsStored, batch.Count);
            Interlocked.Increment(ref _batches);
            batch.Clear();
        }
    }

    /// <summary>Lets a small batch gather more rows for up to the linger time.</summary>
    private async Task FillAsync(List<LogRecord<T>> batch, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.Linger;
        while (batch.Count < options.MaxBatchRows && clock.GetUtcNow() < deadline)
        {
            var before = batch.Count;
            reader.TryRead(batch, options.MaxBatchRows);
            if (batch.Count == before)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Serialize(List<LogRecord<T>> batch, ArrayBufferWriter<byte> rows)
    {
        using var writer = new Utf8JsonWriter(rows, RowOptions);
        foreach (var record in batch)
        {
            writeRow(writer, record);
            writer.Flush();
            rows.Write("\n"u8);
            writer.Reset(rows);
        }
    }

    private async Task StoreAsync(ReadOnlyMemory<byte> rows, string token, int count, CancellationToken cancellationToken)
    {
        var backoff = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InsertAsync(table, rows, token, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AnalyticsException ex) when (StoreErrors.IsPermanent(ex))
            {
                throw new SinkFailedException(
                    $"The store refused a batch of {count} rows for {table} in a way retrying cannot fix: {ex.Message}", ex);
            }
            catch (AnalyticsException ex)
            {
                // The log holds the batch until it is stored: waiting here is the backpressure that
                // reaches the sources once the log fills.
                logger.LogWarning(ex, "Insert of {Rows} rows into {Table} failed (attempt {Attempt}); retrying in {Backoff}",
                    count, table, attempt, backoff);
                await Task.Delay(backoff, clock, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>The batch's identity: its offset range in each partition. The same records give the same token.</summary>
    private string TokenFor(List<LogRecord<T>> batch)
    {
        var ranges = new SortedDictionary<int, (long From, long To)>();
        foreach (var record in batch)
        {
            var (partition, offset) = (record.Position.Partition, record.Position.Offset);
            ranges[partition] = ranges.TryGetValue(partition, out var range)
                ? (Math.Min(range.From, offset), Math.Max(range.To, offset))
                : (offset, offset);
        }

        var identity = logEpoch + "|" + string.Join(',', ranges.Select(r => $"{r.Key}:{r.Value.From}-{r.Value.To}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        return $"{table}:{hash}";
    }
}
