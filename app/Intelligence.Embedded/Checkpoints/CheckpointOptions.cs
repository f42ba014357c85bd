namespace Intelligence.Embedded.Checkpoints;

/// <summary>When the embedded runtime checkpoints a run from a file or the simulator; configuration section <c>Checkpoint</c>.</summary>
public sealed record CheckpointOptions
{
    /// <summary>Whether runs from a replayable source (a file, the simulator) are checkpointed and resumed after a crash.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Inputs between two checkpoints. A checkpoint is also taken when a topic of the log holds half
    /// its <c>EventLog:MaxBytes</c>, so that what waits for the next checkpoint always fits in the log.
    /// </summary>
    public long Every { get; init; } = 50_000;
}
