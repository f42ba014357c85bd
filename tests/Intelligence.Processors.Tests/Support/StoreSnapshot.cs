using System.Text.Json;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Support;

/// <summary>Every fold's state as JSON, keys in order: two runs that end in the same state give equal snapshots.</summary>
public static class StoreSnapshot
{
    public static SortedDictionary<string, string> Of(FoldEngine engine)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var fold in engine.Topology.Folds)
        {
            foreach (var (key, state) in engine.Store(fold.Name))
            {
                snapshot[$"{fold.Name}/{key}"] = JsonSerializer.Serialize(state, fold.StateType);
            }
        }

        return snapshot;
    }
}
