using Intelligence.Analytics;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>
/// Inserts a batch of JSONEachRow rows with its deduplication token, retrying with backoff while the
/// store fails in a way that passes, and giving up with <see cref="SinkFailedException"/> when it
/// refuses the batch for good. Waiting here is the backpressure that reaches the sources.
/// </summary>
public sealed class StoreWriter(IAnalyticsStore store, SinkOptions options, TimeProvider clock, ILogger logger)
{
    public async Task InsertAsync(string table, ReadOnlyMemory<byte> rows, string token, int count,
        CancellationToken cancellationToken)
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
                logger.LogWarning(ex, "Insert of {Rows} rows into {Table} failed (attempt {Attempt}); retrying in {Backoff}",
                    count, table, attempt, backoff);
                await Task.Delay(backoff, clock, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }
}
