namespace Intelligence.Bench;

/// <summary>
/// The garbage collector's view at the end of a run: how long it held the program's threads paused in all,
/// how many collections it made, what it has committed from the system, how much
/// of that is free space between live objects (fragmentation) and the heap its last collection left.
/// The process's peak memory less the committed figure is roughly what native code holds: the process's
/// start (the runtime, chDB's library) and chDB's working memory, which the embedded run reports apart.
/// Last, a full compacting collection measures what is live: the rest of the heap was garbage not yet collected.
/// </summary>
public static class GcFigures
{
    public const string Committed = "GC committed";
    public const string Fragmented = "GC fragmented";
    public const string Heap = "heap after last GC";
    public const string Live = "live after a full collection";
    public const string Paused = "GC pauses";

    public static IEnumerable<Figure> Now()
    {
        var info = GC.GetGCMemoryInfo();
        yield return new Figure(Paused, GC.GetTotalPauseDuration().TotalSeconds, "s");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            yield return new Figure($"GC gen{generation} collections", GC.CollectionCount(generation), "collections");
        }
        yield return new Figure(Committed, info.TotalCommittedBytes, "bytes");
        yield return new Figure(Fragmented, info.FragmentedBytes, "bytes");
        yield return new Figure(Heap, info.HeapSizeBytes, "bytes");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        yield return new Figure(Live, GC.GetTotalMemory(forceFullCollection: true), "bytes");
    }
}
