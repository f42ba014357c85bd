namespace Intelligence.Processors.Quality;

/// <summary>Settings of the data-quality fold.</summary>
public sealed record DataQualityOptions
{
    /// <summary>An event this far behind stream time (the latest event time seen) counts as late. Default 5 minutes.</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMinutes(5);

    public IEnumerable<string> Problems()
    {
        if (LateAfter <= TimeSpan.Zero || LateAfter > TimeSpan.FromDays(7))
        {
            yield return $"Processors:Quality:LateAfter is {LateAfter}; use a duration between 00:00:01 and 7.00:00:00.";
        }
    }
}
