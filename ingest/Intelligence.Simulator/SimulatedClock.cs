namespace Intelligence.Simulator;

/// <summary>
/// Simulated "now": the time at which the input being yielded is sent. Hand it to anything that would
/// otherwise read the wall clock (the event reader's future-skew check, processors) during a simulated run.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private long _utcTicks;

    internal SimulatedClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Timestamps follow simulated time too, so elapsed-time measurements agree with GetUtcNow.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _utcTicks);

    internal void Set(DateTimeOffset now) => Volatile.Write(ref _utcTicks, now.UtcTicks);
}
