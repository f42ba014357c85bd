namespace Intelligence.Contracts;

/// <summary>Limits applied to every input, whatever the source. Bound from configuration section <c>Ingest</c>.</summary>
public sealed record EventReaderOptions
{
    /// <summary>JSON nesting deeper than this is refused before it is read.</summary>
    public const int MaxJsonDepth = 16;

    /// <summary>Largest single event accepted, in bytes of UTF-8 JSON.</summary>
    public int MaxEventBytes { get; init; } = 64 * 1024;

    /// <summary>How far ahead of the clock an event time may be (clock skew between systems).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How far behind the clock an event time may be before it is refused as too old.</summary>
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Longest event id or partition key, in characters.</summary>
    public int MaxIdLength { get; init; } = 128;
}
