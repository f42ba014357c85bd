using Intelligence.Ingest;
using Intelligence.Ingest.Sources;

namespace Intelligence.Embedded.Checkpoints;

/// <summary>
/// What a checkpoint keeps of a run, besides the processors' states: where the source stood, the
/// gate's counts and duplicate window, the log's offsets, and what the sinks had stored. Taken at a
/// barrier, when everything logged before it was stored, so each part agrees with the others.
/// </summary>
public sealed record RunCheckpoint
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The run id, which is also the log's epoch in every insert token: a resumed run keeps it.</summary>
    public required string RunId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>A hash of the input and the options; a run resumes only with the same.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The input in words, for the message that refuses to resume.</summary>
    public required string Input { get; init; }

    /// <summary>The run ended normally: the next <c>run</c> starts a new one.</summary>
    public bool Complete { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    public SourcePosition Source { get; init; }

    public required IngestTotals Ingest { get; init; }

    /// <summary>The duplicate filter's ids, oldest first.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];

    /// <summary>Each topic's offsets by partition: the next record each partition will get.</summary>
    public IReadOnlyDictionary<string, long[]> Offsets { get; init; } = new Dictionary<string, long[]>();

    public StoredTally Stored { get; init; } = new();

    /// <summary>The processors' stream time (their timers are rebuilt from the states).</summary>
    public DateTimeOffset StreamTime { get; init; } = DateTimeOffset.MinValue;

    public long MessagesApplied { get; init; }
}

/// <summary>What the sinks and processors had stored, and the store's row counts before the run began: the account goes on from them.</summary>
public sealed record StoredTally
{
    public long Events { get; init; }

    public long DeadLetters { get; init; }

    public long Processed { get; init; }

    public long ProcessorRows { get; init; }

    public long ProcessingFailures { get; init; }

    public long EventRowsBefore { get; init; }

    public long DeadLetterRowsBefore { get; init; }
}
