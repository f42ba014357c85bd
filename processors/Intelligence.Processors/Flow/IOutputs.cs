namespace Intelligence.Processors.Flow;

/// <summary>What a fold or router may do besides changing its own key's state: send and write.</summary>
public interface IOutputs
{
    /// <summary>Sends a signal under <paramref name="key"/> to every fold that consumes its type; it carries the current input's time and id.</summary>
    void Send(string key, ISignal signal);

    /// <summary>Writes a row to the analytics store.</summary>
    void Write(OutputRow row);

    /// <summary>
    /// Adds <paramref name="value"/> to a <see cref="KpiCount"/> of the minute of <paramref name="at"/>. A runtime that
    /// sums counts before it writes them (the embedded one) adds it up without making a row for each.
    /// </summary>
    void Count(string metric, string entity, DateTimeOffset at, double value) => Write(KpiCount.Of(metric, entity, at, value));

    /// <summary>
    /// Writes a <see cref="KpiLevel"/> observed at <paramref name="at"/>. A runtime that keeps one level per metric, entity
    /// and minute before it writes them (the embedded one) keeps the figures without making a row for each.
    /// </summary>
    void Level(string metric, string entity, DateTimeOffset at, double value) => Write(KpiLevel.Of(metric, entity, at, value));

    /// <summary>
    /// The latest-state rows of <paramref name="key"/> changed: <paramref name="fold"/> writes them from the key's
    /// state (<see cref="IFold.WriteLatest"/>). Called where the fold would write them, after the state they show
    /// has changed. A runtime that keeps only the last row per key of a batch (the embedded one) has them written
    /// once, from the state the batch leaves, with the revision of this call; otherwise they are written at once.
    /// </summary>
    void Changed(IFold fold, FoldState state, string key) => fold.WriteLatest(state, key, state.Revision, this);
}
