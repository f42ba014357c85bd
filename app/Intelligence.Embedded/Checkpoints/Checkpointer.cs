using Intelligence.Ingest.Sources;
using Intelligence.Processors.Flow;
using Microsoft.Extensions.Logging;

namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// Takes a run's checkpoints. The source tells it of each input (<see cref="AfterInputAsync"/>); every
/// <see cref="CheckpointOptions.Every"/> inputs, or when the log holds half what it may, the source is
/// held there, the barrier is raised, every sink stores what was logged before it, and the run's state is
/// written. Both triggers depend only on the inputs (the log gives bytes back only at barriers), so a
/// replay takes its checkpoints at the same inputs and cuts the same batches.
/// </summary>
public sealed class Checkpointer(
    string path,
    CheckpointOptions options,
    CheckpointBarrier barrier,
    Func<bool> logHalfFull,
    Func<SourcePosition, RunCheckpoint> snapshot,
    FoldEngine engine,
    SourcePosition start,
    ILogger logger,
    CancellationToken failed)
{
    private long _sinceLast;

    public string Path => path;

    /// <summary>Where a resumed source starts: the position the checkpoint was taken at.</summary>
    public SourcePosition Start { get; } = start;

    /// <summary>The position after the last input the source handed over.</summary>
    public SourcePosition Position { get; private set; } = start;

    public int Taken { get; private set; }

    public async ValueTask AfterInputAsync(SourcePosition position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Position = position;
        if (++_sinceLast >= options.Every || logHalfFull())
        {
            await TakeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Holds at a barrier here and writes the checkpoint. Only the pipeline's failure cancels the wait: a
    /// user's stop lets the sinks finish the batch they are storing.
    /// </summary>
    public async Task TakeAsync()
    {
        _sinceLast = 0;
        await barrier.RaiseAsync(failed).ConfigureAwait(false);
        var checkpoint = snapshot(Position);
        await CheckpointFile.WriteAsync(path, checkpoint, engine, failed).ConfigureAwait(false);
        Taken++;
        logger.LogInformation("Checkpoint {Generation} at input {Inputs:N0}: {Received:N0} received, {Keys:N0} ids remembered against duplicates, stream time {StreamTime:O}",
            barrier.Generation, Position.Inputs, checkpoint.Ingest.Received, checkpoint.Duplicates.Count, checkpoint.StreamTime);
    }

    /// <summary>The source has ended: a last barrier stores the rest, unless the last checkpoint was at the last input.</summary>
    public Task FinishAsync() => _sinceLast > 0 ? TakeAsync() : Task.CompletedTask;

    /// <summary>
    /// Marks the run complete (after its account is stored): the next <c>run</c> starts a new one. The file
    /// keeps the final state, for a look at what the processors ended with.
    /// </summary>
    public Task MarkCompleteAsync() =>
        CheckpointFile.WriteAsync(path, snapshot(Position) with { Complete = true }, engine, CancellationToken.None);
}
