using System.Diagnostics;
using Intelligence.Contracts;
using Intelligence.Processors;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Streamiz;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// What a Kafka Streams user would write: the same folds as a Streamiz topology, run by Streamiz's
/// <c>TopologyTestDriver</c> (no broker), beside the embedded engine on the same events. The driver
/// is slow, so both take a slice of <c>subset</c> accepted events from the middle of the workload,
/// past the opening product master and stock loads, starting from empty state (the engine also takes
/// them all, so its full-workload rate shows it does not flatter itself on a small input). Both are
/// warmed up on 200 events first. The inventory and order topologies are the issue's; the whole
/// retail topology is added for reference.
/// </summary>
public static class StreamizApproach
{
    public const string Name = BenchParts.StreamizApproachName;

    private const int WarmUp = 200;

    public static Measurement Run(string workload, ProcessorOptions options, int subset)
    {
        using var arrivals = Workload.Arrivals(workload);
        var events = WorkloadEvents.Accepted(WorkloadEvents.Lines(workload), arrivals);
        var part = events.Skip(Math.Max(0, (events.Count - subset) / 2)).Take(subset).ToList();
        var figures = new List<Figure>();
        var driverSeconds = 0.0;
        foreach (var (name, topology) in Topologies(options))
        {
            Engine(topology(), part.Take(WarmUp));
            Driver(topology(), part.Take(WarmUp));
            var engine = Engine(topology(), part);
            var driver = Driver(topology(), part);
            var engineAll = Engine(topology(), events);
            driverSeconds += driver.Seconds;
            figures.Add(new($"{name}: test driver", part.Count / driver.Seconds, "events/s"));
            figures.Add(new($"{name}: engine, same events", part.Count / engine.Seconds, "events/s"));
            figures.Add(new($"{name}: engine, whole workload", events.Count / engineAll.Seconds, "events/s"));
            figures.Add(new($"{name}: engine / driver", driver.Seconds / engine.Seconds, "x"));
            figures.Add(new($"{name}: rows, test driver", driver.Rows, "rows"));
            figures.Add(new($"{name}: rows, engine", engine.Rows, "rows"));
        }

        return new Measurement(Name, part.Count, driverSeconds, PeakMemory.Bytes())
        {
            Figures = figures,
            Note = $"{part.Count:N0} accepted events from the middle of the workload through each topology in the test driver (in-memory stores), one event at a time with stream-time markers, as the parity tests run it",
        };
    }

    private static IEnumerable<(string Name, Func<Topology> Build)> Topologies(ProcessorOptions o)
    {
        yield return ("inventory", () => new Topology(InventoryArea.Folds(o.Inventory), InventoryArea.Routers()));
        yield return ("orders", () => new Topology(OrdersArea.Folds(o.Orders, o.Exceptions, o.Fulfillment, o.Alerts), OrdersArea.Routers()));
        yield return ("whole retail topology", () => RetailTopology.Build(o));
    }

    private static (double Seconds, long Rows) Engine(Topology topology, IEnumerable<RetailEvent> events)
    {
        var engine = new FoldEngine(topology);
        var rows = new RowCounter();
        var clock = Stopwatch.StartNew();
        foreach (var e in events)
        {
            engine.Process(e, rows);
        }

        return (clock.Elapsed.TotalSeconds, rows.Rows);
    }

    private static (double Seconds, long Rows) Driver(Topology topology, IEnumerable<RetailEvent> events)
    {
        using var run = new TestDriverRun(topology);
        var clock = Stopwatch.StartNew();
        run.FeedAll(events);

        return (clock.Elapsed.TotalSeconds, run.Rows.Count);
    }

    private sealed class RowCounter : IOutputSink
    {
        public long Rows { get; private set; }

        public void Row(OutputRow row) => Rows++;

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
