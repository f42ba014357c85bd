using Intelligence.Contracts;
using Intelligence.Ingest.Sources;

namespace Intelligence.Bench.Tests;

/// <summary>
/// A workload is replayed as it arrived: each line judged at its recorded arrival, so that an event
/// dated years after it was sent is refused as it was live, even when the file's end is later still.
/// </summary>
public sealed class WorkloadReaderTests : IDisposable
{
    private static readonly TimeSpan Skew = new EventReaderOptions().MaxFutureSkew;

    private readonly string _folder = Directory.CreateTempSubdirectory("intelligence-workload-reader-").FullName;

    [Fact]
    public void Each_line_is_judged_at_its_arrival_not_at_the_files_end()
    {
        var file = new Workload(40_000, 400, 4, 42, Days: 2_000).Ensure(_folder, _ => { });
        var lines = WorkloadEvents.Lines(file);

        using var arrivals = Workload.Arrivals(file);
        var arrivalTimes = Enumerable.Range(0, lines.Count).Select(_ => arrivals.Next()).ToList();
        var atArrival = Judge(lines, i => arrivalTimes[i]);
        var atEnd = Judge(lines, _ => Workload.AsOf(file));

        // Judged at the end (with the age limit stretched to the span, as the bench once did), events dated
        // long after they were sent (a clock set wrong) are taken...
        Assert.Contains(atEnd, e => e.Event.OccurredAt > arrivalTimes[e.Line] + Skew);
        // ...judged at each arrival, none is, and the bench's own reading agrees.
        Assert.DoesNotContain(atArrival, e => e.Event.OccurredAt > arrivalTimes[e.Line] + Skew);
        using var benchArrivals = Workload.Arrivals(file);
        Assert.Equal(atArrival.Select(e => e.Event.Id),
            WorkloadEvents.Accepted(lines, benchArrivals, new EventReaderOptions { MaxEventAge = TimeSpan.FromDays(2_001) }).Select(e => e.Id));
    }

    [Fact]
    public void A_workload_without_its_arrivals_is_written_again()
    {
        var workload = new Workload(2_000, 100, 2, 7);
        var file = workload.Ensure(_folder, _ => { });
        var first = File.ReadAllBytes(file);
        File.Delete(RecordedArrivals.PathFor(file));
        var regenerated = new List<string>();

        file = workload.Ensure(_folder, regenerated.Add);

        Assert.Single(regenerated);
        Assert.Equal(first, File.ReadAllBytes(file));
        using var arrivals = Workload.Arrivals(file);
        Assert.Equal(2_000, arrivals.Count);
    }

    [Fact]
    public void A_long_workload_asks_for_the_days_that_keep_the_usual_daily_rate()
    {
        var workload = new Workload(1_000_000, 20_000, 40, 42);

        Assert.Null(workload.Longer(1_000_000).Days);
        Assert.Equal(1_000, workload.Longer(10_000_000).Days);
        Assert.EndsWith("-days1000.jsonl", workload.Longer(10_000_000).FileName, StringComparison.Ordinal);
    }

    private static List<(int Line, RetailEvent Event)> Judge(List<byte[]> lines, Func<int, DateTimeOffset> at)
    {
        var reader = new EventReader(new EventReaderOptions { MaxEventAge = TimeSpan.FromDays(2_001) }, TimeProvider.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(int, RetailEvent)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (reader.Read(lines[i], at(i)).Accepted is { } e && seen.Add(e.Id))
            {
                accepted.Add((i, e));
            }
        }

        return accepted;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
