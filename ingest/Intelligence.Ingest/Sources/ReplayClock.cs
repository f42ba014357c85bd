namespace Intelligence.Ingest.Sources;

/// <summary>
/// A clock a replay moves: set to each input's recorded arrival before the input is judged, so a
/// file read again is judged as it was when it arrived live.
/// </summary>
public sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Volatile.Write(ref _utcTicks, now.UtcTicks);
}
