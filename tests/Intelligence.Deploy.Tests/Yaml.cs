using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Intelligence.Deploy.Tests;

/// <summary>
/// YAML read as plain data: mappings become <see cref="Dictionary{TKey,TValue}"/> keyed by text, sequences
/// lists, scalars strings. Merge keys (<c>&lt;&lt;: *anchor</c>, as the Compose file uses) are applied, as
/// Compose applies them, so a service's environment includes what it merges in.
/// </summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a file (Kubernetes manifests hold several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<object?> Documents(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Normalize(Deserializer.Deserialize<object?>(parser)));
        }

        return documents;
    }

    public static IReadOnlyDictionary<string, object?> Map(object? node) =>
        node as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    public static IReadOnlyList<object?> List(object? node) => node as IReadOnlyList<object?> ?? [];

    public static string? Text(object? node) => node as string;

    /// <summary>The node at a path of mapping keys, or null where any step is missing.</summary>
    public static object? At(object? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!Map(node).TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Every scalar of a document, wherever it sits (keys excluded).</summary>
    public static IEnumerable<string> Scalars(object? node) => node switch
    {
        string text => [text],
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(Scalars),
        IReadOnlyList<object?> list => list.SelectMany(Scalars),
        _ => [],
    };

    private static object? Normalize(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(e => e.Key.ToString() ?? "", e => Normalize(e.Value), StringComparer.Ordinal),
        IList<object?> list => list.Select(Normalize).ToList(),
        _ => node,
    };
}
