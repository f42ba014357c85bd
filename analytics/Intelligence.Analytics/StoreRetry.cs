namespace Intelligence.Analytics;

/// <summary>
/// Runs a store call again, with <see cref="Backoff"/>, while the store fails in a way that passes,
/// and gives up with <see cref="SinkFailedException"/> when it refuses for good. Each failed attempt
/// is told to <c>retrying</c> (for logs and metrics) before the wait. Waiting here is the
/// backpressure that reaches the sources.
/// </summary>
public sealed class StoreRetry(Backoff backoff, TimeProvider clock, Action<StoreRetryAttempt>? retrying = null)
{
    public Backoff Backoff => backoff;

    /// <summary>Runs <paramref name="call"/> until it succeeds; <paramref name="what"/> names it in errors ("a batch of 12 rows for db.orders").</summary>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var step = backoff.Initial;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (AnalyticsException ex) when (StoreErrors.IsPermanent(ex))
            {
                throw new SinkFailedException($"The store refused {what} in a way retrying cannot fix: {ex.Message}", ex);
            }
            catch (AnalyticsException ex)
            {
                var wait = Backoff.Jittered(step);
                retrying?.Invoke(new StoreRetryAttempt(what, attempt, wait, ex));
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                step = backoff.After(step);
            }
        }
    }
}

/// <summary>One failed attempt at a store call that will be tried again after <see cref="Wait"/>.</summary>
public sealed record StoreRetryAttempt(string What, int Attempt, TimeSpan Wait, AnalyticsException Error);
