namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// How a run is checkpointed: the file, how often, what identifies its input and options, and the
/// checkpoint it resumes from (null: a new run).
/// </summary>
public sealed record RunCheckpointing(string Path, CheckpointOptions Options, string Fingerprint, string Input, StoredCheckpoint? Resume);
