using Intelligence.Embedded;
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
    public async Task The_processors_write_the_same_rows_however_the_log_was_read_in_batches()
    {
        var (large, small) = (SharedStore.NewDatabase(), SharedStore.NewDatabase());

        await PipelineRig.SimulateAsync(large, Run, sink: new SinkOptions { MaxBatchRows = 20_000, Linger = TimeSpan.FromMilliseconds(50) });
        await PipelineRig.SimulateAsync(small, Run, sink: new SinkOptions { MaxBatchRows = 97, Linger = TimeSpan.Zero });

        foreach (var fingerprint in ProcessorFingerprints)
        {
            var expected = await PipelineRig.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, fingerprint, large));
            Assert.DoesNotMatch("^0\t", expected);
            var actual = await PipelineRig.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, fingerprint, small));
            Assert.True(expected == actual, $"{fingerprint}: {expected} with large batches, {actual} with small ones");
        }
    }

    /// <summary>
    /// What the folds left, among it what depends on order (timers, lateness, alerts). A batch keeps only
    /// the last revision of a latest-state row and adds up KPI counts (in another order: sums compare to 6 decimals),
    /// so those compare as the tables read.
    /// </summary>
    private static readonly string[] ProcessorFingerprints =
    [
        .. new[] { "stock_positions", "exceptions", "supplier_scorecards", "margin", "alerts", "anomaly_scores" }
            .Select(t => $"SELECT count(), sum(cityHash64(*)) FROM {{0}}.{t} FINAL"),
        .. new[] { "exception_events", "alert_notices" }.Select(t => $"SELECT count(), sum(cityHash64(*)) FROM {{0}}.{t}"),
        "SELECT count(), sum(cityHash64(metric, entity, minute, round(v, 6), n)) FROM (SELECT metric, entity, minute, sum(value) AS v, sum(samples) AS n FROM {0}.kpi_minute GROUP BY ALL)",
    ];

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
