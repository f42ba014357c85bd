using Intelligence.Contracts;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>Accepted events built from typed payloads, as the reader would hand them to a runtime.</summary>
public static class TestEvents
{
    private static long _ids;

    public static DateTimeOffset T0 { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static RetailEvent Of(string key, IEventPayload payload, DateTimeOffset at, string source = "test", string? id = null)
    {
        var type = EventTypes.All.Single(t => t.Payload.Type == payload.GetType());
        return new RetailEvent(id ?? $"evt-k-{Interlocked.Increment(ref _ids)}", type, source, at, type.CurrentSchemaVersion, key, payload, "{}");
    }
}
