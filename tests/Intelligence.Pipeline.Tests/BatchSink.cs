using Intelligence.Embedded.Processing;
using Intelligence.Processors.Flow;

namespace Intelligence.Pipeline.Tests;

/// <summary>What the folds produce, made smaller as the processor stage's batch makes it (<see cref="OutputBatch"/>); a failure becomes its row.</summary>
public sealed class BatchSink : IOutputSink
{
    public OutputBatch Batch { get; } = new();

    public void Row(OutputRow row) => Batch.Add(row);

    public void Count(string metric, string entity, DateTimeOffset minute, double value) => Batch.Add(metric, entity, minute, value);

    public void Level(string metric, string entity, DateTimeOffset minute, double value, DateTimeOffset observedAt) =>
        Batch.AddLevel(metric, entity, minute, value, observedAt);

    public void Failed(in Message message, string fold, Exception error) =>
        Batch.Add(ProcessingFailureRow.From(message, fold, error, DateTimeOffset.UnixEpoch));
}
