using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

public sealed class DeterminismTests
{
    private static readonly SimulationOptions Run = new()
    {
        Seed = 5,
        Events = 15_000,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    [Fact]
    public async Task The_same_seed_stores_the_same_rows()
    {
        var (first, second) = (SharedStore.NewDatabase(), SharedStore.NewDatabase());

        await PipelineRig.SimulateAsync(first, Run);
        await PipelineRig.SimulateAsync(second, Run);

        Assert.Equal(await PipelineRig.FingerprintAsync(first), await PipelineRig.FingerprintAsync(second));
        Assert.Equal(
            await PipelineRig.QueryAsync($"SELECT sum(cityHash64(reason, detail, raw, source)) FROM {first}.dead_letters"),
            await PipelineRig.QueryAsync($"SELECT sum(cityHash64(reason, detail, raw, source)) FROM {second}.dead_letters"));
    }

    [Fact]
    public async Task Another_seed_stores_other_rows()
    {
        var (first, second) = (SharedStore.NewDatabase(), SharedStore.NewDatabase());

        await PipelineRig.SimulateAsync(first, Run);
        await PipelineRig.SimulateAsync(second, Run with { Seed = 6 });

        Assert.NotEqual(await PipelineRig.FingerprintAsync(first), await PipelineRig.FingerprintAsync(second));
    }

    [Fact]
    public async Task Two_runs_into_one_database_both_land_in_full()
    {
        var db = SharedStore.NewDatabase();

        var first = await PipelineRig.SimulateAsync(db, Run with { BadInput = BadInputOptions.None, Events = 3_000 });
        var second = await PipelineRig.SimulateAsync(db, Run with { BadInput = BadInputOptions.None, Events = 3_000, Seed = 99 });

        // Offsets restart with each run; the log epoch in the dedup token keeps run 2 from being taken for run 1.
        Assert.True(second.Balances, $"{second}");
        Assert.Equal(first.Stored + second.Stored, await PipelineRig.CountAsync($"SELECT count() FROM {db}.raw_events"));
    }
}
