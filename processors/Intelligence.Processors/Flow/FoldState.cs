namespace Intelligence.Processors.Flow;

/// <summary>
/// The base of every fold's per-key state. State classes hold only public settable properties and
/// collections of plain values, so that a Kafka state store can keep them as JSON.
/// </summary>
public abstract class FoldState
{
    /// <summary>How many inputs and timer ticks have changed this key; the runtime counts it.</summary>
    public long Revision { get; set; }
}
