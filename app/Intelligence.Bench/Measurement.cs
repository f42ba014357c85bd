using System.Text.Json;

namespace Intelligence.Bench;

/// <summary>
/// What one approach did with one workload: events, wall seconds, the process's peak memory, and
/// named figures of its own (rows stored, stage seconds, latency percentiles). Each approach runs in
/// a process of its own, so that peak memory is its alone; it hands this back as one JSON line.
/// </summary>
public sealed record Measurement(string Approach, long Events, double Seconds, long PeakMemoryBytes)
{
    public const string LinePrefix = "BENCH-MEASUREMENT ";

    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;

    public double PeakMemoryMiB => PeakMemoryBytes / (1024.0 * 1024.0);

    /// <summary>Further figures by name, in the order they were added.</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>What was measured and what not, in a sentence, for the report.</summary>
    public string Note { get; init; } = "";

    public double? Figure(string name) => Figures.FirstOrDefault(f => f.Name == name)?.Value;

    public string ToLine() => LinePrefix + JsonSerializer.Serialize(this);

    public static Measurement? FromLine(string line) =>
        line.StartsWith(LinePrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<Measurement>(line.AsSpan(LinePrefix.Length))
            : null;
}

/// <summary>A named figure with its unit, e.g. ("p99 latency", 0.42, "s").</summary>
public sealed record Figure(string Name, double Value, string Unit);
