namespace Intelligence.Processors.Returns;

/// <summary>Returns are bucketed by UTC day.</summary>
public static class ReturnsDays
{
    public static DateTimeOffset Of(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);
}
