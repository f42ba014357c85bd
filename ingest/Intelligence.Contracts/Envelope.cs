using System.Text.Json.Serialization;

namespace Intelligence.Contracts;

/// <summary>
/// The wire envelope every event travels in. All fields are nullable here so that a missing field
/// becomes a rejection with a reason, not an exception.
/// </summary>
public sealed class Envelope
{
    /// <summary>Unique id of the event; the idempotency key.</summary>
    public string? Id { get; set; }

    /// <summary>Event type, e.g. <c>order.placed</c>; see <see cref="EventTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The system that sent it, e.g. <c>webstore</c>, <c>3pl-north</c>.</summary>
    public string? Source { get; set; }

    /// <summary>When it happened at the source (event time), UTC.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    public int? SchemaVersion { get; set; }

    /// <summary>Partition key: events with the same key keep their order.</summary>
    public string? Key { get; set; }

    /// <summary>Where the payload is in the input; its bytes are read into the event type's payload.</summary>
    [JsonPropertyName("payload")]
    public PayloadSpan? Payload { get; set; }
}
