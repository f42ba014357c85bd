using Intelligence.EventLog;

namespace Intelligence.Embedded;

public static class BatchFill
{
    /// <summary>Lets a small batch gather more records for up to <paramref name="linger"/>.</summary>
    public static async Task FillAsync<T>(this ITopicReader<T> reader, List<LogRecord<T>> batch, int maxRecords,
        TimeSpan linger, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + linger;
        while (batch.Count < maxRecords && clock.GetUtcNow() < deadline)
        {
            var before = batch.Count;
            reader.TryRead(batch, maxRecords);
            if (batch.Count == before)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
