namespace Intelligence.Analytics;

/// <summary>
/// How long to wait between attempts at a store that fails for a while: doubling from
/// <see cref="Initial"/> up to <see cref="Max"/>, each wait jittered so that many sinks retrying the
/// same store spread out instead of returning together.
/// </summary>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>The step after <paramref name="current"/>: twice as long, at most <see cref="Max"/>.</summary>
    public TimeSpan After(TimeSpan current) => TimeSpan.FromTicks(Math.Min(current.Ticks * 2, Max.Ticks));

    /// <summary>
    /// The wait for a step: between half of it and all of it ("equal jitter"), so it never collapses
    /// to nothing and still keeps the exponential growth.
    /// </summary>
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
    public static TimeSpan Jittered(TimeSpan step) =>
        TimeSpan.FromTicks((step.Ticks / 2) + Random.Shared.NextInt64((step.Ticks / 2) + 1));
#pragma warning restore CA5394
}
