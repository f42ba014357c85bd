using Intelligence.Contracts.Validation;

namespace Intelligence.Ingest;

public enum IngestStatus
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>What the gate did with one input.</summary>
public readonly record struct IngestResult(IngestStatus Status, string? EventId, Rejection? Rejection)
{
    public static IngestResult Accepted(string id) => new(IngestStatus.Accepted, id, null);

    public static IngestResult Duplicate(string id) => new(IngestStatus.Duplicate, id, null);

    public static IngestResult Rejected(string? id, Rejection rejection) => new(IngestStatus.Rejected, id, rejection);
}
