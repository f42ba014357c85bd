using Intelligence.Contracts.Validation;

namespace Intelligence.Contracts;

/// <summary>
/// The result of reading one input: an accepted event, or a rejection with whatever of the envelope
/// could be read (so the dead-letter row can still say which event and source it was).
/// </summary>
public sealed record ReadOutcome
{
    private ReadOutcome(RetailEvent? accepted, Rejection? rejection, string? id, string? type, string? source)
    {
        Accepted = accepted;
        Rejection = rejection;
        EventId = id;
        TypeName = type;
        Source = source;
    }

    public RetailEvent? Accepted { get; }

    public Rejection? Rejection { get; }

    public string? EventId { get; }

    public string? TypeName { get; }

    public string? Source { get; }

    public bool IsAccepted => Accepted is not null;

    public static ReadOutcome Accept(RetailEvent accepted) =>
        new(accepted, null, accepted.Id, accepted.Type.Name, accepted.Source);

    public static ReadOutcome Reject(Rejection rejection, Envelope? envelope = null) =>
        new(null, rejection, envelope?.Id, envelope?.Type, envelope?.Source);
}
