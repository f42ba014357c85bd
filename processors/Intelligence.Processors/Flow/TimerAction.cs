namespace Intelligence.Processors.Flow;

/// <summary>What a runtime does with a key whose timer fired (<see cref="FoldStep.OnTimer"/>).</summary>
public enum TimerAction
{
    /// <summary>A tick is due: call the fold's <c>Tick</c>, then arm the timer again.</summary>
    Tick,

    /// <summary>Nothing is due and the key is past its retirement: delete it.</summary>
    Retire,

    /// <summary>The key's retirement moved later since the timer was set: only arm the timer again.</summary>
    Rearm,
}
