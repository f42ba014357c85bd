using Intelligence.Contracts.Validation;

namespace Intelligence.Ingest;

/// <summary>
/// A refused input, kept with its reason, its source and its raw bytes (up to <see cref="MaxRawBytes"/>),
/// so that nothing refused disappears and a person can see why.
/// </summary>
public sealed record DeadLetter(
    DateTimeOffset ReceivedAt,
    string Source,
    Rejection Rejection,
    string? EventId,
    string? EventType,
    ReadOnlyMemory<byte> Raw,
    int RawBytes)
{
    /// <summary>Most bytes of a refused input kept; the full size is in <see cref="RawBytes"/>.</summary>
    public const int MaxRawBytes = 64 * 1024;

    public int ApproximateSize => 256 + Raw.Length + (2 * Rejection.Detail.Length);

    public static DeadLetter From(ReadOnlySpan<byte> input, DateTimeOffset receivedAt, string source,
        Rejection rejection, string? eventId, string? eventType) =>
        new(receivedAt, source, rejection, eventId, eventType,
            input[..Math.Min(input.Length, MaxRawBytes)].ToArray(), input.Length);
}
