using System.Collections.Concurrent;

namespace Intelligence.Processors.Flow;

/// <summary>
/// The entity a KPI series is about, as <c>kind:id</c> (<c>channel:webstore</c>, <c>node:DC-EAST</c>). The
/// kinds with few ids (channels, nodes, providers, promotions, suppliers, categories, reasons) are named
/// once and shared, so that a count written on every event neither builds its name again nor keeps a
/// copy in each row of the batch. Past <see cref="Capacity"/> names, a name is built each time.
/// </summary>
public static class KpiEntity
{
    public const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<(string Kind, string? Id), string> Names = new();

    public static string Of(string kind, string? id)
    {
        if (Names.TryGetValue((kind, id), out var name))
        {
            return name;
        }

        name = $"{kind}:{id}";
        return Names.Count < Capacity ? Names.GetOrAdd((kind, id), name) : name;
    }
}
