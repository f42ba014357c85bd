namespace Intelligence.Processors.Flow;

/// <summary>
/// The folds and routers of the pipeline and who consumes what. Runtimes host a topology; they
/// add no logic of their own.
/// </summary>
public sealed class Topology
{
    private readonly Dictionary<Type, IFold[]> _foldsByBody;
    private readonly Dictionary<Type, IRouter[]> _routersByPayload;

    public Topology(IReadOnlyList<IFold> folds, IReadOnlyList<IRouter> routers)
    {
        var duplicate = folds.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two folds are named '{duplicate.Key}': store names must be unique.", nameof(folds));
        }

        Folds = folds;
        Routers = routers;
        _foldsByBody = folds.SelectMany(f => f.Consumes.Select(t => (Type: t, Fold: f)))
            .GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.Select(p => p.Fold).ToArray());
        _routersByPayload = routers.SelectMany(r => r.Consumes.Select(t => (Type: t, Router: r)))
            .GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.Select(p => p.Router).ToArray());
    }

    public IReadOnlyList<IFold> Folds { get; }

    public IReadOnlyList<IRouter> Routers { get; }

    public IReadOnlyList<IFold> FoldsFor(Type body) => _foldsByBody.TryGetValue(body, out var folds) ? folds : [];

    public IReadOnlyList<IRouter> RoutersFor(Type payload) => _routersByPayload.TryGetValue(payload, out var routers) ? routers : [];

    public IFold Fold(string name) => Folds.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"No fold is named '{name}'.", nameof(name));
}
