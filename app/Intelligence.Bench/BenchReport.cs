using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Intelligence.Bench;

/// <summary>The bench's results as Markdown: the tables docs/benchmarks.md takes, and the targets of issue 7 beside them.</summary>
public static class BenchReport
{
    /// <summary>The folds whose keys finish and are retired: what grows with events if nothing lets go.</summary>
    private static readonly string[] EntityFolds = ["orders", "order-payments", "exception-queue", "purchase-orders"];

    public static string Render(BenchResults results, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# intelligence bench, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Workload: {results.Plan.Workload} (generated beforehand, not timed).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        SideBySide(text, results);
        Stages(text, results.Of(BenchParts.Stages));
        Streamiz(text, results.Of(StreamizName));
        Views(text, results.Of(BenchParts.ClickHouseViews));
        Latency(text, results);
        Growth(text, results);
        Targets(text, results);
        return text.ToString();
    }

    private const string StreamizName = BenchParts.StreamizApproachName;

    private static void SideBySide(StringBuilder text, BenchResults results)
    {
        var rows = results.Measurements.Where(m => m.Group == "side by side" && m.Measurement.Approach != StreamizName).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var embedded = results.Of(BenchParts.Embedded);
        Table(text, "Side by side, the same inputs", ["approach", "inputs", "seconds", "inputs/s", "peak MiB", "inputs/s vs embedded", "what it does"],
            rows.Select(r => new[]
            {
                r.Measurement.Approach, N(r.Measurement.Events), F(r.Measurement.Seconds, 2), N(r.Measurement.EventsPerSecond),
                N(r.Measurement.PeakMemoryMiB), embedded is null ? "" : F(r.Measurement.EventsPerSecond / embedded.EventsPerSecond, 2) + "x",
                r.Measurement.Note,
            }));
        if (embedded?.Figure(GcFigures.Paused) is { } paused)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"The embedded run's garbage collector held its threads paused for {F(paused, 1)} s in all ({N(embedded.Figure("GC gen0 collections") ?? 0)} gen0, " +
                $"{N(embedded.Figure("GC gen1 collections") ?? 0)} gen1 and {N(embedded.Figure("GC gen2 collections") ?? 0)} gen2 collections).").AppendLine();
        }
    }

    private static void Stages(StringBuilder text, Measurement? stages)
    {
        if (stages is null)
        {
            return;
        }

        var stageNames = new[] { "validate", "fold", "processor rows encoded", "raw-event rows encoded", "chDB inserts" };
        Table(text, "Where the embedded pipeline's time goes (each stage alone, one thread)", ["stage", "seconds", "inputs/s through it", "share"],
            stageNames.Select(s => stages.Figure(s) is { } seconds
                ? new[] { s, F(seconds, 2), N(stages.Events / seconds), F(100 * seconds / stages.Seconds, 0) + "%" }
                : [s, "", "", ""]));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Rows: {N(stages.Figure("rows before batching") ?? 0)} produced by the folds, {N(stages.Figure("processor rows") ?? 0)} after each batch keeps the last state per key; {N((stages.Figure("bytes inserted") ?? 0) / (1 << 20))} MiB inserted.");
        var rowsCpu = stages.Figure("chDB inserts: processor rows, CPU of all threads") ?? 0;
        var rawCpu = stages.Figure("chDB inserts: raw events, CPU of all threads") ?? 0;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"chDB inserts, in {N(stages.Figure("batches") ?? 0)} batches of up to {N(stages.Figure("events per batch, at most") ?? 0)} events: "
            + $"processor rows {F(stages.Figure("chDB inserts: processor rows") ?? 0, 2)} s ({F(rowsCpu, 2)} s of CPU on all threads), "
            + $"raw events {F(stages.Figure("chDB inserts: raw events") ?? 0, 2)} s ({F(rawCpu, 2)} s of CPU on all threads).");
        var insertsCpu = rowsCpu + rawCpu;
        if (insertsCpu > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"The inserts alone take {F(1e6 * insertsCpu / stages.Events, 1)} µs of CPU per input: with nothing else to do, "
                + $"{Environment.ProcessorCount} cores could store at most {N(Environment.ProcessorCount * stages.Events / insertsCpu)} inputs/s this way.");
        }
    }

    private static void Streamiz(StringBuilder text, Measurement? streamiz)
    {
        if (streamiz is null)
        {
            return;
        }

        var topologies = streamiz.Figures.Select(f => f.Name.Split(':')[0]).Distinct();
        Table(text, $"The same folds in Streamiz's TopologyTestDriver ({N(streamiz.Events)} events)",
            ["topology", "test driver events/s", "engine, same events", "engine, whole workload", "engine / driver", "rows (driver / engine)"],
            topologies.Select(t => new[]
            {
                t, N(streamiz.Figure($"{t}: test driver") ?? 0), N(streamiz.Figure($"{t}: engine, same events") ?? 0),
                N(streamiz.Figure($"{t}: engine, whole workload") ?? 0), F(streamiz.Figure($"{t}: engine / driver") ?? 0, 0) + "x",
                $"{N(streamiz.Figure($"{t}: rows, test driver") ?? 0)} / {N(streamiz.Figure($"{t}: rows, engine") ?? 0)}",
            }));
    }

    private static void Views(StringBuilder text, Measurement? views)
    {
        if (views is null)
        {
            return;
        }

        Table(text, "ClickHouse materialized views over the raw events", ["figure", "value", "unit"],
            views.Figures.Select(f => new[] { f.Name, F(f.Value, f.Value % 1 == 0 ? 0 : 3), f.Unit }));
    }

    private static void Latency(StringBuilder text, BenchResults results)
    {
        var rows = results.Measurements.Where(m => m.Group == "latency").Select(m => m.Measurement).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        Table(text, "Event to queryable row, under a steady offered load", ["offered inputs/s", "achieved", "p50 s", "p99 s", "max s", "peak MiB"],
            rows.Select(m => new[]
            {
                N(m.Figure("offered rate") ?? 0), N(m.Figure("achieved offered rate") ?? 0), F(m.Figure("p50 latency") ?? 0, 3),
                F(m.Figure("p99 latency") ?? 0, 3), F(m.Figure("max latency") ?? 0, 3), N(m.PeakMemoryMiB),
            }));
    }

    private static void Growth(StringBuilder text, BenchResults results)
    {
        var rows = results.Measurements.Where(m => m.Group.StartsWith("growth", StringComparison.Ordinal)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        Table(text, "Growth with events and with keys (the embedded pipeline end to end)",
            ["run", "inputs", "accepted", "seconds", "inputs/s", "peak MiB", "GC pauses s", "GC committed MiB", "of it fragmented", "heap after last GC MiB", "live after a full GC MiB",
                "resident at start MiB", "chDB's own, highest MiB"],
            rows.Select(r => new[]
            {
                r.Label, N(r.Measurement.Events), N(r.Measurement.Figure("inputs accepted") ?? 0), F(r.Measurement.Seconds, 1), N(r.Measurement.EventsPerSecond), N(r.Measurement.PeakMemoryMiB),
                F(r.Measurement.Figure(GcFigures.Paused) ?? 0, 1), Mib(r.Measurement.Figure(GcFigures.Committed)), Mib(r.Measurement.Figure(GcFigures.Fragmented)), Mib(r.Measurement.Figure(GcFigures.Heap)), Mib(r.Measurement.Figure(GcFigures.Live)),
                Mib(r.Measurement.Figure(Approaches.EmbeddedApproach.ResidentAtStart)), Mib(r.Measurement.Figure(Approaches.EmbeddedApproach.ChdbHighest)),
            }));
        var state = results.Measurements.Where(m => m.Group.StartsWith("fold state", StringComparison.Ordinal)).ToList();
        if (state.Count > 0)
        {
            Table(text, "The processors' state alone (folded in memory, managed heap after a full collection)",
                ["run", "stock positions", "orders, payments, exceptions, POs live", "keys retired", "state MiB", "bytes per SKU x location key"],
                state.Select(r => new[]
                {
                    r.Label, N(r.Measurement.Figure("stock-positions: keys") ?? 0),
                    N(EntityFolds.Sum(fold => r.Measurement.Figure($"{fold}: keys") ?? 0)), N(r.Measurement.Figure(Approaches.FoldStateSize.Retired) ?? 0),
                    Mib(r.Measurement.Figure("state heap")), N(r.Measurement.Figure("state bytes per SKU x location key") ?? 0),
                }));
        }
    }

    private static string Mib(double? bytes) => bytes is { } b ? N(b / (1024 * 1024)) : "-";

    private static void Targets(StringBuilder text, BenchResults results)
    {
        var embedded = results.Of(BenchParts.Embedded);
        var bound = results.Of(BenchParts.Bound);
        var streamiz = results.Of(StreamizName);
        var latency = results.Measurements.Where(m => m.Group == "latency").Select(m => m.Measurement)
            .FirstOrDefault(m => m.Figure("offered rate") == 50_000);
        var rows = new List<string[]>();
        if (embedded is not null)
        {
            rows.Add(Target("end to end, embedded", ">= 300,000 inputs/s", N(embedded.EventsPerSecond), embedded.EventsPerSecond >= 300_000));
        }

        if (embedded is not null && bound is not null)
        {
            var ratio = bound.EventsPerSecond / embedded.EventsPerSecond;
            rows.Add(Target("within 2x of the bound", "bound / embedded <= 2", F(ratio, 2) + "x", ratio <= 2));
        }

        if (streamiz is not null)
        {
            foreach (var topology in new[] { "inventory", "orders" })
            {
                var ratio = streamiz.Figure($"{topology}: engine / driver") ?? 0;
                rows.Add(Target($"{topology} topology vs the Streamiz test driver", ">= 10x", F(ratio, 0) + "x", ratio >= 10));
            }
        }

        if (latency is not null)
        {
            var p99 = latency.Figure("p99 latency") ?? double.NaN;
            rows.Add(Target("p99 event to queryable at 50,000 inputs/s offered", "<= 1 s", F(p99, 3) + " s", p99 <= 1));
        }

        var million = results.Measurements.FirstOrDefault(m => m.Group == "growth with keys"
            && m.Label.Contains("over 1,000,000 SKU x location keys", StringComparison.Ordinal)).Measurement;
        if (million is not null)
        {
            rows.Add(Target("peak memory with 1M SKU x location keys live", "<= 1,024 MiB", N(million.PeakMemoryMiB) + " MiB",
                million.PeakMemoryMiB <= 1024));
        }

        Table(text, "Issue 7's targets", ["target", "asked", "measured", "met"], rows);
    }

    private static string[] Target(string name, string asked, string measured, bool met) => [name, asked, measured, met ? "yes" : "**no**"];

    private static void Table(StringBuilder text, string title, string[] header, IEnumerable<string[]> rows)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
