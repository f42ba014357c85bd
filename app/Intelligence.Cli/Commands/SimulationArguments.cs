using System.Globalization;
using Intelligence.Simulator;

namespace Intelligence.Cli.Commands;

/// <summary>The simulator's options as `run` and `simulate` take them.</summary>
public static class SimulationArguments
{
    public static readonly string[] Valued = ["events", "seed", "scenario", "start", "days", "skus", "stores"];

    public static readonly string[] Flags = ["all-scenarios", "no-scenarios", "bad-input", "clean"];

    public const string Help = """
          --events N         inputs to generate (default 200000; 1k/1m suffixes allowed)
          --seed S           seed; the same seed (and --start) gives the same events (default 42)
          --scenario NAME    only this scenario (repeatable): flash-promotion, supplier-slippage,
                             3pl-backlog, high-return-rate (default: all four)
          --no-scenarios     no scenarios: business as usual
          --clean            no bad input (default: malformed JSON, schema violations, duplicates,
                             out-of-order and late events are mixed in: 1% refused, 1% duplicates,
                             2.5% out of order or late)
          --all-scenarios, --bad-input   the defaults, named explicitly
          --start ISO        simulated start time, UTC (default 2026-11-02T00:00:00Z, a Monday)
          --days N           simulated days to cover, 1-3650 (default: grows with --events, about
                             10,000 inputs a day, from 7 to 120 days; past 120 the business gets busier)
          --skus N           catalogue size (default 2000)
          --stores N         number of stores (default 12; plus 2 DCs and a 3PL)
        """;

    public static SimulationOptions From(CommandLine line)
    {
        var defaults = new SimulationOptions();
        var scenarios = new HashSet<Scenario>();
        foreach (var name in line.Values("scenario"))
        {
            if (!ScenarioNames.TryParse(name, out var scenario))
            {
                throw new UsageException(
                    $"Unknown scenario '{name}'. Known: {string.Join(", ", Enum.GetValues<Scenario>().Select(s => s.ToName()))}.");
            }

            scenarios.Add(scenario);
        }

        // The default workload shows the whole capability: every scenario and some bad input.
        if (line.Flag("all-scenarios") || (scenarios.Count == 0 && !line.Flag("no-scenarios")))
        {
            scenarios.UnionWith(Enum.GetValues<Scenario>());
        }

        if (line.Flag("clean") && line.Flag("bad-input"))
        {
            throw new UsageException("--clean and --bad-input contradict each other.");
        }

        var start = defaults.Start;
        if (line.Value("start") is { } text
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
        {
            throw new UsageException($"--start '{text}' is not a date-time; use ISO 8601 such as 2026-11-02T00:00:00Z.");
        }

        return defaults with
        {
            Seed = (int)line.Number("seed", defaults.Seed, int.MinValue, int.MaxValue),
            Events = line.Number("events", defaults.Events, 1, 1_000_000_000),
            Start = start.ToUniversalTime(),
            Days = line.Value("days") is null ? null : (int)line.Number("days", 0, 1, 3_650),
            Scenarios = scenarios,
            BadInput = line.Flag("clean") ? BadInputOptions.None : BadInputOptions.Default,
            Skus = (int)line.Number("skus", defaults.Skus, 20, 1_000_000),
            Stores = (int)line.Number("stores", defaults.Stores, 1, 999),
        };
    }

    public static string Describe(SimulationOptions options) =>
        $"seed {options.Seed}, {options.Events:N0} inputs from {options.Start:yyyy-MM-dd HH:mm}Z, "
        + $"{options.Skus:N0} SKUs, scenarios: {(options.Scenarios.Count == 0 ? "none" : string.Join(", ", options.Scenarios.Order().Select(s => s.ToName())))}"
        + (options.BadInput == BadInputOptions.None ? "" : ", bad input on");
}
