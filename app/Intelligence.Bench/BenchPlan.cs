namespace Intelligence.Bench;

/// <summary>What `intelligence bench` runs; every field has the default the command documents.</summary>
public sealed record BenchPlan
{
    public Workload Workload { get; init; } = new(1_000_000, 20_000, 40, 42);

    /// <summary>Where workloads are kept and the approaches' scratch stores live.</summary>
    public string Folder { get; init; } = Path.Combine("data", "bench");

    /// <summary>Accepted events the Streamiz test driver takes (it runs at hundreds to thousands a second).</summary>
    public int StreamizEvents { get; init; } = 3_000;

    /// <summary>Offered loads for the latency runs, inputs per second.</summary>
    public IReadOnlyList<double> Rates { get; init; } = [50_000];

    /// <summary>Workload sizes for the growth-with-events runs (empty: not run).</summary>
    public IReadOnlyList<long> ScaleEvents { get; init; } = [];

    /// <summary>SKU x location key counts for the growth-with-keys runs (empty: not run).</summary>
    public IReadOnlyList<long> ScaleKeys { get; init; } = [];

    /// <summary>The settings file given to `bench --config`, handed on to every part's process (null: none).</summary>
    public string? Config { get; init; }

    /// <summary>The approaches to run, by part name; all by default.</summary>
    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(BenchParts.Named);

    public string Workloads => Path.Combine(Folder, "workloads");

    public string ScratchFor(string part) => Path.Combine(Folder, "scratch", part);
}

/// <summary>The parts of the bench, each one approach run in a child process.</summary>
public static class BenchParts
{
    public const string Embedded = "embedded";
    public const string Bound = "bound";
    public const string Stages = "stages";
    public const string Streamiz = "streamiz";
    public const string ClickHouseViews = "clickhouse-mv";
    public const string Latency = "latency";

    /// <summary>The approach name the Streamiz part reports (the part is named for the library, the approach for what runs).</summary>
    public const string StreamizApproachName = "streamiz-test-driver";

    /// <summary>The growth runs (--scale-events, --scale-keys): the embedded pipeline on other workloads.</summary>
    public const string Growth = "growth";

    /// <summary>With each --scale-keys run: the processors' state alone, per key (a growth step, not an approach).</summary>
    public const string FoldState = "fold-state";

    /// <summary>The approaches, each run on the main workload.</summary>
    public static readonly IReadOnlyList<string> All = [Embedded, Bound, Stages, ClickHouseViews, Streamiz, Latency];

    /// <summary>What --only can name.</summary>
    public static readonly IReadOnlyList<string> Named = [.. All, Growth];
}
