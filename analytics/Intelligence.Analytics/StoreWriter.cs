namespace Intelligence.Analytics;

/// <summary>
/// Inserts a batch of rows with its deduplication token through <see cref="StoreRetry"/>:
/// retried with backoff while the store fails in a way that passes (the token makes a retried
/// insert land once), <see cref="SinkFailedException"/> naming the table when it refuses for good.
/// </summary>
public sealed class StoreWriter(IAnalyticsStore store, StoreRetry retry)
{
    public StoreRetry Retry => retry;

    public Task InsertAsync(string table, ReadOnlyMemory<byte> rows, string token, int count, CancellationToken cancellationToken) =>
        InsertAsync(table, InsertBody.JsonEachRow(rows), token, count, cancellationToken);

    public Task InsertAsync(string table, InsertBody rows, string token, int count, CancellationToken cancellationToken) =>
        retry.RunAsync($"a batch of {count} rows for {table}", ct => store.InsertAsync(table, rows, token, ct), cancellationToken);
}
