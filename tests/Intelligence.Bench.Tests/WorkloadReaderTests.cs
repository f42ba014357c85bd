using Intelligence.Contracts;

namespace Intelligence.Bench.Tests;

/// <summary>
/// A workload is read as of its simulated end; one that covers more than the reader's age limit is read
/// as though its events had arrived live, so that its first years are not refused as too old.
/// </summary>
public sealed class WorkloadReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("intelligence-workload-reader-").FullName;

    [Theory]
    [InlineData(1_000, 1_001)]
    [InlineData(100, 365)]
    public void The_age_limit_stretches_to_the_files_span_and_never_shrinks(int spanDays, int expectedDays)
    {
        var file = Path.Combine(_folder, $"workload-{spanDays}.jsonl");
        File.WriteAllText(file, "");
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        File.WriteAllText(file + ".truth.json",
            $$"""{"seed":42,"events":1,"start":"{{start:O}}","simulatedEnd":"{{start.AddDays(spanDays):O}}","scenarios":[]}""");

        var reader = Workload.ReaderFor(file, new EventReaderOptions());

        Assert.Equal(TimeSpan.FromDays(expectedDays), reader.MaxEventAge);
    }

    [Fact]
    public void A_long_workload_asks_for_the_days_that_keep_the_usual_daily_rate()
    {
        var workload = new Workload(1_000_000, 20_000, 40, 42);

        Assert.Null(workload.Longer(1_000_000).Days);
        Assert.Equal(1_000, workload.Longer(10_000_000).Days);
        Assert.EndsWith("-days1000.jsonl", workload.Longer(10_000_000).FileName, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
