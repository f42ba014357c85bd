namespace Intelligence.Processors.Flow;

/// <summary>
/// What a fold consumes: an event's payload, or a signal another fold sent, under the key the fold
/// keeps state by. <paramref name="At"/> is event time; <paramref name="EventId"/> names the input
/// event it came from (signals carry their cause's id), so that every output can be traced.
/// <paramref name="StreamTime"/> is the latest event time the runtime had seen when the input arrived:
/// how far behind it <paramref name="At"/> lies is the input's lateness, which grace periods judge.
/// </summary>
public readonly record struct Message(string Key, DateTimeOffset At, string EventId, string Source, DateTimeOffset StreamTime, object Body)
{
    public TimeSpan Lateness => StreamTime > At ? StreamTime - At : TimeSpan.Zero;
}
