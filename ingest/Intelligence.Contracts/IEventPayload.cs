namespace Intelligence.Contracts;

/// <summary>Marks the typed body of an event; each payload knows how to check itself.</summary>
public interface IEventPayload
{
    /// <summary>Adds a problem to <paramref name="check"/> for every rule the payload breaks.</summary>
    void Validate(PayloadCheck check);
}
