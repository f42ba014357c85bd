namespace Intelligence.Ingest.Sources;

/// <summary>
/// Where a replayable source stands after an input: how many inputs it has handed to the gate, and,
/// for a file, the byte offset its next line starts at. A restarted run continues from here.
/// </summary>
public readonly record struct SourcePosition(long Inputs, long Offset);

/// <summary>Told after each input a replayable source hands to the gate; it may hold the source (a checkpoint's barrier).</summary>
public delegate ValueTask InputConsumed(SourcePosition position, CancellationToken cancellationToken);
