namespace Intelligence.Contracts;

/// <summary>
/// An event that passed validation: the envelope's fields, the typed payload and the payload's
/// JSON exactly as the source sent it, as its UTF-8 bytes (kept for the raw event tables).
/// </summary>
public sealed record RetailEvent(
    string Id,
    EventType Type,
    string Source,
    DateTimeOffset OccurredAt,
    int SchemaVersion,
    string Key,
    IEventPayload Payload,
    RawJson PayloadJson)
{
    public EventFamily Family => Type.Family;
}
