namespace Intelligence.Cli.Tests;

public sealed class AnomalyCommandTests : IDisposable
{
    private readonly string _data = CliProcess.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Train_learns_from_a_run_saves_a_versioned_model_and_the_next_run_scores_with_it()
    {
        var first = await CliProcess.RunAsync("run", "--events", "40000", "--data", _data);
        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains("cold start", first.Error, StringComparison.Ordinal);

        var train = await CliProcess.RunAsync("train", "--data", _data);
        Assert.True(train.ExitCode == 0, train.Error + train.Out);
        Assert.Contains("Saved anomaly model v1", train.Out, StringComparison.Ordinal);
        Assert.Contains("demand", train.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data, "models", "anomaly-model-v1.json")));

        var again = await CliProcess.RunAsync("train", "--data", _data);
        Assert.Contains("Saved anomaly model v2", again.Out, StringComparison.Ordinal); // a new version, the first kept
        Assert.True(File.Exists(Path.Combine(_data, "models", "anomaly-model-v1.json")));

        var second = await CliProcess.RunAsync("run", "--events", "8000", "--data", _data, "--seed", "9");
        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        Assert.Contains("Anomaly model v2", second.Error, StringComparison.Ordinal);
        var scored = await CliProcess.RunAsync("sql", "SELECT count() FROM anomaly_scores WHERE basis = 'robust+pca v2'", "--data", _data, "--format", "tsv");
        Assert.True(long.Parse(scored.Out.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture) > 0, scored.Out + scored.Error);
    }

    [Fact]
    public async Task Train_without_a_store_says_what_to_run_first()
    {
        var train = await CliProcess.RunAsync("train", "--data", _data);

        Assert.Equal(2, train.ExitCode);
        Assert.Contains("./intelligence run", train.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_anomaly_prints_a_row_per_scenario_and_the_false_alert_rates()
    {
        var eval = await CliProcess.RunAsync("eval-anomaly", "--skip-nab", "--events", "20000", "--data", _data);

        Assert.True(eval.ExitCode == 0, eval.Error + eval.Out);
        foreach (var scenario in new[] { "flash-promotion", "supplier-slippage", "3pl-backlog", "high-return-rate" })
        {
            Assert.Contains(scenario, eval.Out, StringComparison.Ordinal);
        }

        Assert.Contains("false alerts per simulated day", eval.Out, StringComparison.Ordinal);
        Assert.Contains("points/s on one thread", eval.Out, StringComparison.Ordinal);
        Assert.Contains("cold start", eval.Error, StringComparison.Ordinal);
    }
}
