using System.Text.RegularExpressions;

namespace Intelligence.Cli.Tests;

/// <summary>
/// `intelligence bench` end to end on a small workload: every part runs in its own process and the
/// report holds each table, with the figures of what ran.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"intelligence-bench-cli-{Guid.NewGuid():N}");

    [Fact]
    public async Task Puts_every_approach_side_by_side_on_one_workload_and_reports_the_targets()
    {
        // Batches smaller than the workload, set in a file: every part's process must be given it.
        Directory.CreateDirectory(_data);
        var config = Path.Combine(_data, "bench-settings.json");
        await File.WriteAllTextAsync(config, """{ "Sink": { "MaxBatchRows": 4000 } }""");
        var outcome = await CliProcess.RunAsync("bench", "--events", "10k", "--skus", "200", "--stores", "4",
            "--only", "embedded", "--only", "bound", "--only", "stages", "--only", "streamiz", "--only", "latency", "--only", "growth",
            "--streamiz-events", "300", "--rate", "3000", "--scale-keys", "2k", "--scale-events", "12k", "--data", _data, "--config", config);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var report = outcome.Out;
        Assert.Matches(@"\| embedded \| 10,000 \|", report);
        Assert.Matches(@"\| bound \| 10,000 \|", report);
        Assert.Matches(@"\| stages \| 10,000 \|", report);
        foreach (var stage in new[] { "validate", "fold", "processor rows encoded", "raw-event rows encoded", "chDB inserts" })
        {
            Assert.Matches($@"\| {Regex.Escape(stage)} \| \d+\.\d\d \|", report);
        }

        // About 9,800 of the 10,000 inputs are accepted: three batches of at most 4,000.
        Assert.Matches(@"chDB inserts, in 3 batches of up to 4,000 events: processor rows \d+\.\d\d s \(\d+\.\d\d s of CPU on all threads\), raw events \d+\.\d\d s \(\d+\.\d\d s of CPU on all threads\)", report);
        Assert.Matches(@"The inserts alone take \d+\.\d µs of CPU per input: with nothing else to do, \d+ cores could store at most [1-9][\d,]* inputs/s this way", report);

        // The test driver and the engine made the same rows of the same events.
        foreach (var topology in new[] { "inventory", "orders", "whole retail topology" })
        {
            var rows = Regex.Match(report, $@"\| {topology} \|.*\| ([\d,]+) / ([\d,]+) \|");
            Assert.True(rows.Success, $"no Streamiz row for {topology} in:\n{report}");
            Assert.Equal(rows.Groups[1].Value, rows.Groups[2].Value);
            Assert.NotEqual("0", rows.Groups[1].Value);
        }

        Assert.Matches(@"\| 3,000 \| [\d,]+ \| \d+\.\d{3} \| \d+\.\d{3} \|", report);
        Assert.Contains("6,000 stock events over 2,000 SKU x location keys", report);
        Assert.Matches(@"(?m)^\| embedded, 6,000 stock events over 2,000 SKU x location keys \| 6,000 \|( [\d,.]+ \|){5}( [\d,]+ \|){4} [1-9][\d,]* \| [1-9][\d,]* \|$", report);
        Assert.Matches(@"The embedded run's garbage collector held its threads paused for \d+\.\d s in all \([\d,]+ gen0, [\d,]+ gen1 and [\d,]+ gen2 collections\)", report);
        Assert.Matches(@"\| fold state, 6,000 stock events over 2,000 SKU x location keys \| 2,000 \| 0 \| 0 \| \d+ \| [1-9][\d,]* \|", report);
        Assert.Matches(@"(?m)^\| embedded, 12,000 inputs \| 12,000 \|", report);
        Assert.Matches(@"\| fold state, 12,000 inputs \| [1-9][\d,]* \| [1-9][\d,]* \| \d[\d,]* \| \d+ \| [\d,]+ \|", report);
        Assert.Contains("## Issue 7's targets", report);
        Assert.Matches(@"\| end to end, embedded \| >= 300,000 inputs/s \| [\d,]+ \| (yes|\*\*no\*\*) \|", report);
        Assert.Single(Directory.GetFiles(_data, "report-*.md"));
    }

    [Fact]
    public async Task Refuses_a_part_it_does_not_have()
    {
        var outcome = await CliProcess.RunAsync("bench", "--only", "spark", "--data", _data);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--only spark: there is no such part", outcome.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
