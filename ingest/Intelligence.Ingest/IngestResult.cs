using Intelligence.Contracts.Validation;

namespace Intelligence.Ingest;

public enum IngestStatus
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>What the gate did with one input. <paramref name="EventSource"/> is the source the event names, when it could be read.</summary>
public readonly record struct IngestResult(IngestStatus Status, string? EventId, Rejection? Rejection, string? EventSource = null)
{
    public static IngestResult Accepted(string id, string source) => new(IngestStatus.Accepted, id, null, source);

    public static IngestResult Duplicate(string id, string source) => new(IngestStatus.Duplicate, id, null, source);

    public static IngestResult Rejected(string? id, Rejection rejection, string? source = null) =>
        new(IngestStatus.Rejected, id, rejection, source);
}
