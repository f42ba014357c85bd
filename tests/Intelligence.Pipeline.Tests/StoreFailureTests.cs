using Intelligence.Analytics;
using Intelligence.Embedded;
using Intelligence.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

public sealed class StoreFailureTests
{
    [Fact]
    public async Task A_store_that_refuses_for_good_stops_the_run_with_the_reason_instead_of_hanging()
    {
        var db = SharedStore.NewDatabase();
        // A log far smaller than the input: the source must wait for the sink, and so must see it fail,
        // however long the shared store keeps the sink's first insert waiting.
        var options = PipelineRig.Options(db);
        await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance,
            options with { Events = options.Events with { PartitionCapacity = 256 } },
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        await SharedStore.Instance.ExecuteAsync($"DROP TABLE {db}.raw_events");

        var source = new SimulatorSource(new RetailSimulator(new SimulationOptions { Events = 50_000 }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => source.RunAsync(pipeline.Gate, pipeline.Failed).WaitAsync(TimeSpan.FromSeconds(60)));
        var failure = await Assert.ThrowsAsync<SinkFailedException>(
            () => pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("raw_events", failure.Message, StringComparison.Ordinal);
    }
}
