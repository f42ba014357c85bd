using Intelligence.Analytics;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded;

/// <summary>How the sinks batch rows into the store; configuration section <c>Sink</c>.</summary>
public sealed record SinkOptions
{
    /// <summary>Most rows in one insert.</summary>
    public int MaxBatchRows { get; init; } = 50_000;

    /// <summary>How long a partly filled batch waits for more rows before it is written.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait after a failed insert; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A writer into <paramref name="store"/> that retries with these backoffs and logs each failed attempt.</summary>
    public StoreWriter WriterFor(IAnalyticsStore store, TimeProvider clock, ILogger logger) =>
        new(store, new StoreRetry(new Backoff(InitialBackoff, MaxBackoff), clock, failed =>
            logger.LogWarning(failed.Error, "Writing {What} failed (attempt {Attempt}); retrying in {Backoff}",
                failed.What, failed.Attempt, failed.Wait)));
}
