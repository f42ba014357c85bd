namespace Intelligence.Processors.Flow;

/// <summary>
/// An instant, or none, in 8 bytes: its UTC ticks, none being -1. State kept for every SKU x location
/// holds its times this way, where a <see cref="DateTimeOffset"/> takes 16 bytes and a nullable one 24.
/// The offset is not kept: the times state holds are event and stream times, which the reader makes UTC.
/// The default is <see cref="DateTimeOffset.MinValue"/>, as for a <see cref="DateTimeOffset"/>.
/// </summary>
public readonly struct PackedTime
{
    private const long NoneTicks = -1;

    private readonly long _utcTicks;

    private PackedTime(long utcTicks) => _utcTicks = utcTicks;

    public static PackedTime None => new(NoneTicks);

    public static PackedTime Of(DateTimeOffset at) => new(at.UtcTicks);

    public static PackedTime Of(DateTimeOffset? at) => at is { } instant ? new(instant.UtcTicks) : None;

    /// <summary>The instant; <see cref="DateTimeOffset.MinValue"/> for none, so read <see cref="OrNull"/> where none can be.</summary>
    public DateTimeOffset Instant => new(Math.Max(0, _utcTicks), TimeSpan.Zero);

    public DateTimeOffset? OrNull => _utcTicks == NoneTicks ? null : new DateTimeOffset(_utcTicks, TimeSpan.Zero);
}
