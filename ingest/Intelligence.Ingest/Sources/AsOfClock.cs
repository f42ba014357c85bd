namespace Intelligence.Ingest.Sources;

/// <summary>A clock stopped at one instant: "judge these events as of then", for replaying files.</summary>
public sealed class AsOfClock(DateTimeOffset asOf) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => asOf;
}
