namespace Intelligence.Alerting;

/// <summary>
/// The wait before the next attempt: from the initial backoff, doubling per failed attempt up to the
/// maximum, with jitter so that routes failing together do not retry in step. A receiver's
/// <c>Retry-After</c> is taken as asked, still capped at the maximum.
/// </summary>
internal sealed class RetrySchedule(TimeSpan initial, TimeSpan max, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    public TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } asked)
        {
            return asked <= TimeSpan.Zero ? TimeSpan.Zero : Min(asked, max);
        }

        var step = Min(initial * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30)), max);

        // "Equal jitter": at least half the step, so the backoff still grows.
        return (step / 2) + (step / 2 * _random());
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
