using System.Diagnostics;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;
using Xunit.Abstractions;

namespace Intelligence.Processors.Streamiz.Tests;

/// <summary>
/// Events per second of the Streamiz test driver and of the embedded engine on the same events.
/// Run in release, alone: <c>dotnet test tests/Intelligence.Processors.Streamiz.Tests -c Release
/// --filter "Category=Benchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    [InlineData(1_000)]
    public void Listing_board_events_per_second(int events)
    {
        ParityCheck.Run(ListingScenario.Topology(), ListingScenario.Events(100, seed: 1)); // warm up the JIT

        var report = ParityCheck.Run(ListingScenario.Topology(), ListingScenario.Events(events));

        output.WriteLine(report.ToString());
        Assert.Empty(report.Differences);
    }

    [Fact]
    public void Simulated_events_per_second_through_products_and_purchase_costs()
    {
        var topology = new Topology([new ProductFold()], [new PurchaseCostRouter()]);
        var events = SimulatedEvents.Generate(3_000);
        ParityCheck.Run(topology, events.Take(200).ToList());

        var report = ParityCheck.Run(topology, events);

        output.WriteLine(report.ToString());
        Assert.Empty(report.Differences);
    }

    [Fact]
    public void Where_the_driver_spends_its_time()
    {
        var events = ListingScenario.Events(500);
        using var run = new TestDriverRun(ListingScenario.Topology());
        var feeding = new Stopwatch();
        var marking = new Stopwatch();
        var streamTime = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            feeding.Start();
            run.Feed(e);
            feeding.Stop();
            if (e.OccurredAt > streamTime)
            {
                streamTime = e.OccurredAt;
                marking.Start();
                run.AdvanceTo(streamTime);
                marking.Stop();
            }
        }

        output.WriteLine($"feeding {feeding.Elapsed.TotalSeconds:F2} s, stream-time markers {marking.Elapsed.TotalSeconds:F2} s, rows {run.Rows.Count}");
        Assert.NotEmpty(run.Rows);
    }
}
