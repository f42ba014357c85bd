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
    public long Duplicates => Ingest.Duplicates;

    public long Received => Ingest.Received;

    /// <summary>received = stored + dead-lettered + duplicates, and the store holds exactly what was stored.</summary>
    public bool Balances =>
        Ingest.Balances
        && Received == Stored + DeadLettered + Duplicates
        && StoreEventRowsAdded == Stored
        && StoreDeadLetterRowsAdded == DeadLettered;

    public TimeSpan Elapsed => FinishedAt - StartedAt;
}
