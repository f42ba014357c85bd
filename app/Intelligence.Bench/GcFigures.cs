namespace Intelligence.Bench;

/// <summary>
/// The garbage collector's view at the end of a run: what it has committed from the system, how much
/// of that is free space between live objects (fragmentation) and the heap its last collection left.
/// The process's peak memory less the committed figure is roughly what native code (chDB) holds.
/// Last, a full compacting collection measures what is live: the rest of the heap was garbage not yet collected.
/// </summary>
public static class GcFigures
{
    public const string Committed = "GC committed";
    public const string Fragmented = "GC fragmented";
    public const string Heap = "heap after last GC";
    public const string Live = "live after a full collection";

    public static IEnumerable<Figure> Now()
    {
        var info = GC.GetGCMemoryInfo();
        yield return new Figure(Committed, info.TotalCommittedBytes, "bytes");
        yield return new Figure(Fragmented, info.FragmentedBytes, "bytes");
        yield return new Figure(Heap, info.HeapSizeBytes, "bytes");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        yield return new Figure(Live, GC.GetTotalMemory(forceFullCollection: true), "bytes");
    }
}
