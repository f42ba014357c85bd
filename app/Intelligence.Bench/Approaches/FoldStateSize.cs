using System.Diagnostics;
using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Ingest.Sources;
using Intelligence.Processors;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// What the processors' state costs per key: the workload folded through every processor in memory
/// (no log, no store), then the managed heap the engine holds, measured after a full collection, with
/// and without it. Read with the growth runs: the pipeline's peak memory is this plus what the
/// pipeline holds in flight, the garbage collector's slack and chDB's own memory.
/// </summary>
public static class FoldStateSize
{
    public const string Name = "fold-state";

    public const string Retired = "keys retired (finished, past their retention)";

    private const int ChunkLines = 100_000;

    public static Measurement Run(string workload, ProcessorOptions processors, EventReaderOptions reader)
    {
        using var arrivals = Workload.Arrivals(workload);
        var engine = new FoldEngine(RetailTopology.Build(processors));
        var sink = new CountingSink();
        var empty = HeapAfterCollection();
        var clock = Stopwatch.StartNew();
        var (lines, events) = Fold(workload, arrivals, reader, engine, sink);
        var seconds = clock.Elapsed.TotalSeconds;
        var held = HeapAfterCollection() - empty;
        var keys = engine.Store(StockPositionFold.FoldName).Count;
        var figures = new List<Figure>
        {
            new("events folded", events, "events"),
            new("rows made", sink.Rows, "rows"),
            new("state heap", held, "bytes"),
            new("state bytes per SKU x location key", keys > 0 ? (double)held / keys : 0, "bytes"),
            new(Retired, engine.KeysRetired, "keys"),
        };
        foreach (var fold in engine.Topology.Folds.Where(fold => engine.Store(fold.Name).Count > 0))
        {
            var store = engine.Store(fold.Name);
            figures.Add(new Figure($"{fold.Name}: keys", store.Count, "keys"));
            figures.Add(new Figure($"{fold.Name}: state JSON bytes", store.Values.Sum(state => (long)StateJson.Write(state, fold.StateType).Length), "bytes"));
        }

        GC.KeepAlive(engine);
        return new Measurement(Name, lines, seconds, PeakMemory.Bytes())
        {
            Figures = figures,
            Note = "the folds' state in memory after the workload, measured as the managed heap after a full collection",
        };
    }

    // Not inlined, so that no chunk of input lines is still reachable when the state is measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Lines, long Events) Fold(string workload, RecordedArrivals arrivals, EventReaderOptions reader, FoldEngine engine, IOutputSink sink)
    {
        long lines = 0, events = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in JsonLines.Read(workload).Select(line => line.ToArray()).Chunk(ChunkLines))
        {
            lines += chunk.Length;
            foreach (var e in WorkloadEvents.Accepted(chunk, arrivals, reader, seen))
            {
                engine.Process(e, sink);
                events++;
            }
        }

        return (lines, events);
    }

    private static long HeapAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class CountingSink : IOutputSink
    {
        public long Rows { get; private set; }

        public void Row(OutputRow row) => Rows++;

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
