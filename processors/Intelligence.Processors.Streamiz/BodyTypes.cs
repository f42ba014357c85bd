using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Intelligence.Contracts;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// The payload and signal types a topology's folds consume, by name: how a record on the messages
/// topic says what its body is. Event payloads travel in their contract JSON; signals, timer times and
/// anything else in System.Text.Json's defaults (floating-point NaN and infinities allowed).
/// </summary>
public sealed class BodyTypes
{
    /// <summary>The options signals and fold states are written with: the defaults, plus NaN and infinities.</summary>
    public static readonly JsonSerializerOptions Options = StateJson.Options;

    private static readonly Dictionary<Type, JsonTypeInfo> Contracts =
        EventTypes.All.ToDictionary(t => t.Payload.Type, t => t.Payload);

    private readonly Dictionary<string, Type> _byName;

    public BodyTypes(Topology topology)
    {
        var consumed = topology.Folds.SelectMany(f => f.Consumes).Distinct().ToList();
        var clash = consumed.GroupBy(NameOf, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Two consumed types are both named '{clash.Key}'.", nameof(topology));
        }

        _byName = consumed.ToDictionary(NameOf, t => t, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Type> All => _byName.Values;

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public bool TryFind(string name, [NotNullWhen(true)] out Type? type) => _byName.TryGetValue(name, out type);

    public static void Write(Utf8JsonWriter writer, object body)
    {
        var type = body.GetType();
        if (Contracts.TryGetValue(type, out var contract))
        {
            JsonSerializer.Serialize(writer, body, contract);
        }
        else
        {
            JsonSerializer.Serialize(writer, body, type, Options);
        }
    }

    public static object Read(JsonElement json, Type type) =>
        (Contracts.TryGetValue(type, out var contract) ? json.Deserialize(contract) : json.Deserialize(type, Options))
        ?? throw new JsonException($"A {NameOf(type)} body is null.");
}
