using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

public sealed class ProcessorOutputTests
{
    private static readonly SimulationOptions Busy = new()
    {
        Seed = 5,
        Events = 20_000,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    [Fact]
    public async Task Every_stored_event_is_processed_and_the_processors_rows_reach_the_store()
    {
        var db = SharedStore.NewDatabase();

        var summary = await PipelineRig.SimulateAsync(db, Busy);

        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(summary.Stored, summary.Processed);
        Assert.Equal(0, summary.ProcessingFailures);
        var accepted = await PipelineRig.CountAsync(
            $"SELECT toInt64(sum(value)) FROM {db}.kpi_minute WHERE metric = 'events_accepted'");
        Assert.Equal(summary.Stored, accepted);
    }

    [Fact]
    public async Task Data_quality_by_source_adds_up_to_the_gates_counts()
    {
        var db = SharedStore.NewDatabase();

        var summary = await PipelineRig.SimulateAsync(db, Busy);

        var received = await PipelineRig.CountAsync($"SELECT toInt64(sum(received)) FROM {db}.data_quality_by_source");
        var duplicates = await PipelineRig.CountAsync($"SELECT toInt64(sum(duplicates)) FROM {db}.data_quality_by_source");
        var rejected = await PipelineRig.CountAsync($"SELECT toInt64(sum(rejected)) FROM {db}.data_quality_by_source");
        var late = await PipelineRig.CountAsync($"SELECT toInt64(sum(late)) FROM {db}.data_quality_by_source");
        var sources = await PipelineRig.CountAsync($"SELECT count() FROM {db}.data_quality_by_source");
        Assert.Equal(summary.Received, received);
        Assert.Equal(summary.Duplicates, duplicates);
        Assert.Equal(summary.DeadLettered, rejected);
        Assert.True(late > 0, "the simulator's late events were not counted as late");
        Assert.True(sources > 5, $"only {sources} sources");
    }
}
