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
}
