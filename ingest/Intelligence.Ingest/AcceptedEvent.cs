using Intelligence.Contracts;

namespace Intelligence.Ingest;

/// <summary>An event that passed the gate, as it travels in the event log.</summary>
public sealed record AcceptedEvent(RetailEvent Event, DateTimeOffset ReceivedAt, string InputSource)
{
    /// <summary>Approximate bytes held in memory, for the log's byte budget.</summary>
    public int ApproximateSize => 256 + Event.PayloadJson.Length + (2 * (Event.Id.Length + Event.Key.Length));
}
