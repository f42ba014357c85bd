using Intelligence.Contracts;
using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

public sealed class ConservationTests
{
    private static readonly SimulationOptions Busy = new()
    {
        Seed = 11,
        Events = 20_000,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    [Fact]
    public async Task Every_simulated_input_is_stored_dead_lettered_or_counted_as_a_duplicate()
    {
        var db = SharedStore.NewDatabase();

        var summary = await PipelineRig.SimulateAsync(db, Busy);

        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(Busy.Events, summary.Received);
        Assert.True(summary.DeadLettered > 0 && summary.Duplicates > 0 && summary.Stored > 0);
        Assert.Equal(summary.Stored, await PipelineRig.CountAsync($"SELECT count() FROM {db}.raw_events"));
        Assert.Equal(summary.DeadLettered, await PipelineRig.CountAsync($"SELECT count() FROM {db}.dead_letters"));
        Assert.Equal(summary.Stored, await PipelineRig.CountAsync($"SELECT uniqExact(event_id) FROM {db}.raw_events"));
    }

    [Fact]
    public async Task Stored_events_cover_every_family_and_type_and_dead_letters_carry_reasons()
    {
        var db = SharedStore.NewDatabase();
        await PipelineRig.SimulateAsync(db, Busy with { Events = 60_000 });

        var types = (await PipelineRig.QueryAsync($"SELECT DISTINCT type FROM {db}.raw_events ORDER BY type")).Split('\n');
        var families = (await PipelineRig.QueryAsync($"SELECT DISTINCT family FROM {db}.raw_events ORDER BY family")).Split('\n');
        var unexplained = await PipelineRig.CountAsync($"SELECT count() FROM {db}.dead_letters WHERE reason = '' OR detail = '' OR raw_bytes = 0");
        var reasons = await PipelineRig.CountAsync($"SELECT uniqExact(reason) FROM {db}.dead_letters");

        Assert.Equal(EventTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), types);
        Assert.Equal(["channel", "payment", "supplier", "warehouse"], families);
        Assert.Equal(0, unexplained);
        Assert.True(reasons >= 4, $"only {reasons} distinct reasons");
    }

    [Fact]
    public async Task A_clean_run_dead_letters_nothing()
    {
        var db = SharedStore.NewDatabase();

        var summary = await PipelineRig.SimulateAsync(db, Busy with { BadInput = BadInputOptions.None, Events = 10_000 });

        Assert.True(summary.Balances);
        Assert.Equal(0, summary.DeadLettered);
        Assert.Equal(0, summary.Duplicates);
        Assert.Equal(10_000, summary.Stored);
    }
}
