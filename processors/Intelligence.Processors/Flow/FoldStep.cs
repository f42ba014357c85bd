using Intelligence.Contracts;

namespace Intelligence.Processors.Flow;

/// <summary>
/// The one way every runtime applies a fold, ticks it or runs a router: the key's revision counted,
/// and a throw caught and handed back (for the runtime to record as a processing failure) instead of
/// stopping the stream. Both runtimes call these, so they behave alike.
/// </summary>
public static class FoldStep
{
    public static Exception? Apply(IFold fold, FoldState state, in Message message, IOutputs outputs)
    {
        try
        {
            state.Revision++;
            fold.Apply(state, message, outputs);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    public static Exception? Tick(IFold fold, FoldState state, in Message cause, IOutputs outputs)
    {
        try
        {
            state.Revision++;
            fold.Tick(state, cause.Key, cause.At, outputs);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    public static Exception? WriteLatest(IFold fold, FoldState state, string key, long revision, IOutputs outputs)
    {
        try
        {
            fold.WriteLatest(state, key, revision, outputs);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    public static Exception? Route(IRouter router, RetailEvent e, IOutputs outputs)
    {
        try
        {
            router.Route(e, outputs);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    /// <summary>
    /// What a fired timer means for the key at stream time <paramref name="now"/>: a tick when one is
    /// due; retirement when nothing is due and the key is past its retirement; otherwise the timer was a
    /// retirement the key has since moved later (<see cref="Timers.Arm"/>), to be armed again.
    /// </summary>
    public static TimerAction OnTimer(IFold fold, FoldState state, DateTimeOffset now) => fold.DueAt(state) switch
    {
        { } due when due <= now => TimerAction.Tick,
        null when fold.RetireAt(state) is { } at && at <= now => TimerAction.Retire,
        _ => TimerAction.Rearm,
    };

    /// <summary>What a timer tick is caused by: the key, its due time, and the stream time that passed it.</summary>
    public static Message TimerCause(IFold fold, string key, DateTimeOffset due, DateTimeOffset streamTime) =>
        new(key, due, $"timer:{fold.Name}", "timer", streamTime, due);
}
