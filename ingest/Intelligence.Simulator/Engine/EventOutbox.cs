using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Intelligence.Contracts;

namespace Intelligence.Simulator.Engine;

/// <summary>An event the world produced, already in its wire form.</summary>
internal readonly record struct WorldEvent(byte[] Json, string Key, EventType Type, DateTimeOffset OccurredAt);

/// <summary>
/// Serialises events as they happen, with one reused writer and buffer (the hot path of the
/// simulator), and queues them in the order they happened.
/// </summary>
internal sealed class EventOutbox : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private readonly Queue<WorldEvent> _ready = new();
    private readonly string _idPrefix;
    private long _written;

    public EventOutbox(int seed)
    {
        // EnvelopeWriter and the source-generated serialisers only write well-formed JSON, so the
        // writer's own structure checks are skipped on this hot path.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _idPrefix = $"evt-{seed}-";
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(EventType type, string source, string key, DateTimeOffset at, IEventPayload payload)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var id = $"{_idPrefix}{++_written:D8}";
        EnvelopeWriter.Write(_writer, id, type, source, at, key, payload);
        _writer.Flush();
        _ready.Enqueue(new WorldEvent(_buffer.WrittenSpan.ToArray(), key, type, at));
    }

    public bool TryPeek(out WorldEvent next) => _ready.TryPeek(out next);

    public WorldEvent Take() => _ready.Dequeue();

    public void Dispose() => _writer.Dispose();
}
