using System.Text.Json.Serialization.Metadata;

namespace Intelligence.Contracts;

/// <summary>One kind of event: its wire name, family, payload contract and the schema versions understood.</summary>
public sealed class EventType
{
    internal EventType(string name, EventFamily family, JsonTypeInfo payload, params int[] schemaVersions)
    {
        Name = name;
        Family = family;
        Payload = payload;
        SchemaVersions = schemaVersions;
    }

    public string Name { get; }

    public EventFamily Family { get; }

    public JsonTypeInfo Payload { get; }

    public IReadOnlyList<int> SchemaVersions { get; }

    public int CurrentSchemaVersion => SchemaVersions[^1];

    public override string ToString() => Name;
}
