namespace Intelligence.Testing;

/// <summary>A clock stopped at one instant, so that event times are judged the same in every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
