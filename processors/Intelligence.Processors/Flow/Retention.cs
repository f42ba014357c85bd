namespace Intelligence.Processors.Flow;

/// <summary>
/// How long a fold keeps the state of a finished key (a delivered order, a resolved exception): the
/// rule every fold's retention setting shares. A finished key is forgotten once stream time is a
/// retention past its last activity; until it finishes it is kept, however long that takes.
/// </summary>
public static class Retention
{
    private const int LongestDays = 3650;

    /// <summary>When a key may be forgotten: a retention after its last activity once finished, else never (null).</summary>
    public static DateTimeOffset? After(bool finished, DateTimeOffset lastActivity, TimeSpan retain) =>
        finished ? lastActivity + retain : null;

    /// <summary>The problem with a retention setting, named, or null when it is between 1 and 3,650 days.</summary>
    public static string? Problem(string setting, TimeSpan value) =>
        value < TimeSpan.FromDays(1) || value > TimeSpan.FromDays(LongestDays)
            ? $"{setting} is {value}: it must be between 1 and {LongestDays} days."
            : null;
}
