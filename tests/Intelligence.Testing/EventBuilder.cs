using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;

namespace Intelligence.Testing;

/// <summary>Builds one wire event for a test, valid unless the test changes it.</summary>
public sealed class EventBuilder
{
    private static int _counter;
    private readonly List<Action<JsonObject>> _edits = [];
    private EventType _type = EventTypes.StockReceived;
    private string _id = $"evt-test-{Interlocked.Increment(ref _counter)}";
    private string _source = "test";
    private DateTimeOffset _at = SamplePayloads.Now;
    private string? _key;
    private IEventPayload? _payload;

    public static EventBuilder Of(EventType type) => new() { _type = type };

    public EventBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public EventBuilder From(string source)
    {
        _source = source;
        return this;
    }

    public EventBuilder At(DateTimeOffset at)
    {
        _at = at;
        return this;
    }

    public EventBuilder WithKey(string key)
    {
        _key = key;
        return this;
    }

    public EventBuilder WithPayload(IEventPayload payload)
    {
        _payload = payload;
        return this;
    }

    /// <summary>Changes the JSON after it is written: drop a field, give it the wrong type, add one.</summary>
    public EventBuilder Edit(Action<JsonObject> edit)
    {
        _edits.Add(edit);
        return this;
    }

    public byte[] Build()
    {
        var bytes = EnvelopeWriter.ToBytes(_id, _type, _source, _at, _key ?? _id, _payload ?? SamplePayloads.For(_type));
        if (_edits.Count == 0)
        {
            return bytes;
        }

        var json = JsonNode.Parse(bytes)!.AsObject();
        foreach (var edit in _edits)
        {
            edit(json);
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    public string BuildString() => Encoding.UTF8.GetString(Build());
}
