namespace Intelligence.Bench.MaterializedViews;

/// <summary>How far two answers to one KPI agree, key by key, over the keys either of them has.</summary>
public readonly record struct Agreement(int Agreeing, int Total, int OnlyInViews, int OnlyInPipeline)
{
    /// <summary>The keys whose values differ, for explaining them.</summary>
    public IReadOnlyList<string> Disagreeing { get; init; } = [];

    public double Share => Total == 0 ? 1 : Agreeing / (double)Total;

    /// <summary>
    /// Values per key; a key one side lacks counts as <paramref name="absent"/> there (an empty
    /// position has an ATS too: minus its safety stock).
    /// </summary>
    public static Agreement Of(
        IReadOnlyDictionary<string, long> views, IReadOnlyDictionary<string, long> pipeline, Func<string, long> absent)
    {
        int agreeing = 0, total = 0, onlyViews = 0, onlyPipeline = 0;
        var disagreeing = new List<string>();
        foreach (var key in views.Keys.Union(pipeline.Keys))
        {
            total++;
            var inViews = views.TryGetValue(key, out var v);
            var inPipeline = pipeline.TryGetValue(key, out var p);
            onlyViews += inViews && !inPipeline ? 1 : 0;
            onlyPipeline += inPipeline && !inViews ? 1 : 0;
            if ((inViews ? v : absent(key)) == (inPipeline ? p : absent(key)))
            {
                agreeing++;
            }
            else
            {
                disagreeing.Add(key);
            }
        }

        return new Agreement(agreeing, total, onlyViews, onlyPipeline) { Disagreeing = disagreeing };
    }

    /// <summary>Open items (exception ids): agreeing are those both hold open.</summary>
    public static Agreement Of(IReadOnlySet<string> views, IReadOnlySet<string> pipeline)
    {
        var both = views.Count(pipeline.Contains);
        return new Agreement(both, views.Count + pipeline.Count - both, views.Count - both, pipeline.Count - both);
    }
}
