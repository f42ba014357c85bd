using System.Globalization;
using Intelligence.Bench;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence bench</c>: the embedded pipeline beside its alternatives on one pre-generated workload.</summary>
public static class BenchCommand
{
    public const string Usage = """
        intelligence bench [options]

        Measures the embedded pipeline beside what a user would pick instead, on the same events, in
        one run, each approach in a process of its own: the embedded pipeline end to end; the bound
        (the same bytes read, deserialized, folded into a dictionary, raw rows into chDB); each stage
        of the pipeline alone; ClickHouse materialized views over the raw events; the same folds in
        Streamiz's TopologyTestDriver (on a subset: it is slow); and event-to-queryable latency under
        a steady offered load. The workload is the simulator's (fixed seed, every scenario, bad input)
        written to a file first and reused; generating it is not timed. Prints a Markdown report and
        writes it to DIR/report-<time>.md. The default run takes about 10 minutes on 2 cores.

          --events N          workload inputs (default 1m)
          --skus N            catalogue size (default 20000)
          --stores N          stores (default 40; plus 2 DCs and a 3PL)
          --seed S            simulator seed (default 42)
          --only PART         run only these parts (repeatable): embedded, bound, stages, clickhouse-mv,
                              streamiz, latency, growth (the --scale-* runs alone)
          --streamiz-events N accepted events through the Streamiz test driver (default 3000)
          --rate R            offered load for the latency run, inputs/s (repeatable; default 50000)
          --scale-events N    also run the pipeline, and the folds alone, on a workload of N inputs
                      (repeatable, e.g. 1m, 10m): the same business for longer, about 10,000
                      inputs a simulated day (10m covers 1,000 days), so what grows is time
          --scale-keys K      also run it on K SKU x location keys with 3K stock events (repeatable,
                              e.g. 10k, 100k, 1m): how memory grows with keys
          --data DIR          workloads, scratch stores and reports (default ./data/bench)
          --config FILE       extra settings (JSON, same shape as appsettings.json), for every part
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(
        ["events", "skus", "stores", "seed", "only", "streamiz-events", "rate", "scale-events", "scale-keys", "data", "config",
         "part", "input", "scratch"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log, CancellationToken stop)
    {
        if (line.Value("part") is { } part)
        {
            return await RunPartAsync(part, line, settings, log, stop);
        }

        var plan = Plan(line, settings);
        var results = await BenchRunner.RunAsync(plan, message => System.Console.Error.WriteLine("bench: " + message), stop);
        var report = BenchReport.Render(results, "./intelligence " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        var path = Path.Combine(plan.Folder, $"report-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}.md");
        await File.WriteAllTextAsync(path, report, stop);
        System.Console.Out.Write(report);
        System.Console.Error.WriteLine($"bench: report written to {path}");
        return 0;
    }

    private static BenchPlan Plan(CommandLine line, Settings settings)
    {
        var only = line.Values("only");
        foreach (var name in only.Where(n => !BenchParts.Named.Contains(n)))
        {
            throw new UsageException($"--only {name}: there is no such part. Parts: {string.Join(", ", BenchParts.Named)}.");
        }

        return new BenchPlan
        {
            Workload = new Workload(
                line.Number("events", 1_000_000, 10_000, 100_000_000),
                (int)line.Number("skus", 20_000, 20, 1_000_000),
                (int)line.Number("stores", 40, 1, 999),
                (int)line.Number("seed", 42, int.MinValue, int.MaxValue)),
            Folder = line.Value("data") ?? Path.Combine(settings.DataDirectory, "bench"),
            StreamizEvents = (int)line.Number("streamiz-events", 3_000, 100, 1_000_000),
            Rates = line.Numbers("rate", [50_000], 100, 10_000_000).Select(r => (double)r).ToList(),
            ScaleEvents = line.Numbers("scale-events", [], 10_000, 100_000_000),
            ScaleKeys = line.Numbers("scale-keys", [], 1_000, 10_000_000),
            Parts = only.Count > 0 ? only.ToHashSet() : new HashSet<string>(BenchParts.Named),
            Config = line.Value("config") is { } config ? Path.GetFullPath(config) : null,
        };
    }

    private static async Task<int> RunPartAsync(string part, CommandLine line, Settings settings, Serilog.ILogger log, CancellationToken stop)
    {
        var input = line.Value("input") ?? throw new UsageException("--part needs --input FILE.");
        var scratch = line.Value("scratch") ?? throw new UsageException("--part needs --scratch DIR.");
        using var loggers = Logging.Factory(log);
        var measurement = await BenchPart.RunAsync(part, input, scratch, settings.Embedded(),
            double.Parse(line.Value("rate") ?? "50000", CultureInfo.InvariantCulture), (int)line.Number("streamiz-events", 3_000, 1),
            loggers, stop);
        System.Console.Out.WriteLine(measurement.ToLine());
        return 0;
    }
}
