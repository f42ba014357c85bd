namespace Intelligence.Processors.Flow;

/// <summary>
/// A pure per-key fold: <c>(state of key, message) -> (new state, outputs)</c>. It reads no clock and
/// does no I/O; it sees only its key's state, the message and, through <see cref="IOutputs"/>, the
/// signals and rows it emits. Each runtime hosts it the same way: the embedded engine in a dictionary,
/// Streamiz in a changelogged store named <see cref="Name"/>.
/// </summary>
public interface IFold
{
    /// <summary>The state store's name: lower-case words joined by hyphens.</summary>
    string Name { get; }

    /// <summary>The payload and signal types this fold consumes.</summary>
    IReadOnlyCollection<Type> Consumes { get; }

    Type StateType { get; }

    FoldState NewState();

    void Apply(FoldState state, in Message message, IOutputs outputs);

    /// <summary>When this key next wants a <see cref="Tick"/> (an SLA falling due), or null.</summary>
    DateTimeOffset? DueAt(FoldState state);

    /// <summary>Called once stream time reaches <see cref="DueAt"/>, with the key and that stream time.</summary>
    void Tick(FoldState state, string key, DateTimeOffset now, IOutputs outputs);

    /// <summary>
    /// When the key's state may be forgotten, or null to keep it: a finished order, a resolved
    /// exception, once past the fold's retention. Asked only while nothing is <see cref="DueAt"/>; once
    /// stream time reaches it, the runtime deletes the key (the embedded engine from its dictionary,
    /// Streamiz from its store, with a tombstone on the changelog). A message for the key after that
    /// starts from <see cref="NewState"/>, as for a key never seen, so a retention must outlast the
    /// latest an event of a finished key can come.
    /// </summary>
    DateTimeOffset? RetireAt(FoldState state);

    /// <summary>
    /// Writes the key's latest-state rows that changed since they were last written, from its state alone
    /// (<see cref="IOutputs.Changed"/>): rows only, no signals. <paramref name="revision"/> is the key's revision
    /// when they last changed, the rows' version: a tick after it may have counted another change that no row shows.
    /// </summary>
    void WriteLatest(FoldState state, string key, long revision, IOutputs outputs);
}

/// <summary>The typed base for folds: state is created empty; timers and retirement are optional.</summary>
public abstract class Fold<TState> : IFold where TState : FoldState, new()
{
    public abstract string Name { get; }

    public abstract IReadOnlyCollection<Type> Consumes { get; }

    public Type StateType => typeof(TState);

    public FoldState NewState() => new TState();

    public void Apply(FoldState state, in Message message, IOutputs outputs) => Apply((TState)state, message, outputs);

    public DateTimeOffset? DueAt(FoldState state) => DueAt((TState)state);

    public void Tick(FoldState state, string key, DateTimeOffset now, IOutputs outputs) =>
        Tick((TState)state, key, now, outputs);

    public DateTimeOffset? RetireAt(FoldState state) => RetireAt((TState)state);

    public void WriteLatest(FoldState state, string key, long revision, IOutputs outputs) => WriteLatest((TState)state, key, revision, outputs);

    protected abstract void Apply(TState state, in Message message, IOutputs outputs);

    protected virtual DateTimeOffset? DueAt(TState state) => null;

    protected virtual void Tick(TState state, string key, DateTimeOffset now, IOutputs outputs)
    {
    }

    protected virtual DateTimeOffset? RetireAt(TState state) => null;

    protected virtual void WriteLatest(TState state, string key, long revision, IOutputs outputs)
    {
    }
}
