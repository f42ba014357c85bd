namespace Intelligence.Processors.Flow;

/// <summary>Where a runtime's engine puts what the folds produce.</summary>
public interface IOutputSink
{
    void Row(OutputRow row);

    /// <summary>A <see cref="KpiCount"/> the sink may add up without the row (<see cref="IOutputs.Count"/>).</summary>
    void Count(string metric, string entity, DateTimeOffset minute, double value) => Row(new KpiCount(metric, entity, minute, value));

    /// <summary>A <see cref="KpiLevel"/> the sink may keep without the row (<see cref="IOutputs.Level"/>).</summary>
    void Level(string metric, string entity, DateTimeOffset minute, double value, DateTimeOffset observedAt) =>
        Row(new KpiLevel(metric, entity, minute, value, observedAt));

    /// <summary>A fold threw on a message: the runtime dead-letters the input with the reason and goes on.</summary>
    void Failed(in Message message, string fold, Exception error);
}
