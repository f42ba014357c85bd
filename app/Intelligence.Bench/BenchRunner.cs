using System.Globalization;

namespace Intelligence.Bench;

/// <summary>
/// Runs the plan: the workload is generated once (not timed), then every approach runs on the same
/// file, one after another, each in its own process; then the growth runs. Progress goes to
/// <paramref name="progress"/>; the measurements come back in the order they were taken.
/// </summary>
public static class BenchRunner
{
    public static async Task<BenchResults> RunAsync(BenchPlan plan, Action<string> progress, CancellationToken cancellationToken)
    {
        var workload = BenchParts.All.Any(plan.Parts.Contains) ? plan.Workload.Ensure(plan.Workloads, progress) : "";
        var steps = new List<(string Label, string Group, string[] Arguments)>();
        foreach (var part in BenchParts.All.Where(plan.Parts.Contains))
        {
            if (part == BenchParts.Latency)
            {
                steps.AddRange(plan.Rates.Select(rate => ($"latency at {rate:N0} inputs/s", "latency",
                    Arguments(plan, part, workload, "--rate", rate.ToString(CultureInfo.InvariantCulture)))));
            }
            else
            {
                steps.Add((part, "side by side",
                    Arguments(plan, part, workload, "--streamiz-events", plan.StreamizEvents.ToString(CultureInfo.InvariantCulture))));
            }
        }

        foreach (var events in plan.Parts.Contains(BenchParts.Growth) ? plan.ScaleEvents : [])
        {
            var file = plan.Workload.Longer(events).Ensure(plan.Workloads, progress);
            steps.Add(($"embedded, {events:N0} inputs", "growth with events", Arguments(plan, BenchParts.Embedded, file)));
            steps.Add(($"fold state, {events:N0} inputs", "fold state with events", Arguments(plan, BenchParts.FoldState, file)));
        }

        foreach (var keys in plan.Parts.Contains(BenchParts.Growth) ? plan.ScaleKeys : [])
        {
            var sweep = new KeySweep(keys, keys * 3);
            var file = sweep.Ensure(plan.Workloads, progress);
            steps.Add(($"embedded, {sweep}", "growth with keys", Arguments(plan, BenchParts.Embedded, file)));
            steps.Add(($"fold state, {sweep}", "fold state with keys", Arguments(plan, BenchParts.FoldState, file)));
        }

        var results = new List<(string Label, string Group, Measurement Measurement)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var (label, group, arguments) = steps[i];
            progress($"[{i + 1}/{steps.Count}] {label} ...");
            var measurement = await ChildProcess.MeasureAsync(arguments, cancellationToken);
            progress($"[{i + 1}/{steps.Count}] {label}: {measurement.Events:N0} in {measurement.Seconds:F1} s, "
                + $"{measurement.EventsPerSecond:N0}/s, peak {measurement.PeakMemoryMiB:N0} MiB");
            results.Add((label, group, measurement));
        }

        return new BenchResults(plan, results);
    }

    private static string[] Arguments(BenchPlan plan, string part, string input, params string[] more) =>
        ["bench", "--part", part, "--input", input, "--scratch", plan.ScratchFor(part), .. more,
         .. plan.Config is { } config ? new[] { "--config", config } : []];
}

/// <summary>Every measurement of one bench run, with its label and the table it belongs to.</summary>
public sealed record BenchResults(BenchPlan Plan, IReadOnlyList<(string Label, string Group, Measurement Measurement)> Measurements)
{
    public Measurement? Of(string approach) =>
        Measurements.FirstOrDefault(m => m.Group == "side by side" && m.Measurement.Approach == approach).Measurement;
}
