using Intelligence.Ingest;

namespace Intelligence.Embedded;

/// <summary>
/// The closing account of a run: every input received is stored, dead-lettered or dropped as a
/// duplicate, and the store's own row counts agree with what the sinks say they wrote.
/// </summary>
public sealed record RunSummary(
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IngestTotals Ingest,
    long Stored,
    long DeadLettered,
    long StoreEventRowsAdded,
    long StoreDeadLetterRowsAdded)
{
    /// <summary>Accepted events the processors folded, with their outputs stored.</summary>
    public long Processed { get; init; }

    /// <summary>Rows the processors wrote (after each batch kept only the latest state per key).</summary>
    public long ProcessorRows { get; init; }

    /// <summary>Inputs a fold threw on; each is a row of <c>processing_failures</c>.</summary>
    public long ProcessingFailures { get; init; }

    public long Duplicates => Ingest.Duplicates;

    public long Received => Ingest.Received;

    /// <summary>
    /// received = stored + dead-lettered + duplicates, the store holds exactly what was stored, and the
    /// processors folded every stored event.
    /// </summary>
    public bool Balances =>
        Ingest.Balances
        && Received == Stored + DeadLettered + Duplicates
        && Processed == Stored
        && StoreEventRowsAdded == Stored
        && StoreDeadLetterRowsAdded == DeadLettered;

    public TimeSpan Elapsed => FinishedAt - StartedAt;
}
