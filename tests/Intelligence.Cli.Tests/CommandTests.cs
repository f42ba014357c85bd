namespace Intelligence.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Data()
    {
        var folder = CliProcess.NewDataDirectory();
        _folders.Add(folder);
        return folder;
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var help = await CliProcess.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "run", "simulate", "sql", "migrate", "serve", "keys", "train", "eval-anomaly" })
        {
            Assert.Contains(command, help.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_without_a_store_says_to_run_the_pipeline_first()
    {
        var outcome = await CliProcess.RunAsync("serve", "--data", Path.Combine(Path.GetTempPath(), $"no-store-{Guid.NewGuid():N}"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("./intelligence run", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_pointer_to_help()
    {
        var outcome = await CliProcess.RunAsync("run", "--evnts", "5");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--evnts", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("run --help", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_run_ends_balanced_and_sql_shows_stored_and_dead_lettered_inputs()
    {
        var data = Data();

        // No workload flags: the default has every scenario and some bad input.
        var run = await CliProcess.RunAsync("run", "--events", "8000", "--data", data);
        var byFamily = await CliProcess.RunAsync("sql", "SELECT family, count() FROM raw_events GROUP BY family ORDER BY family",
            "--data", data, "--format", "tsv");
        var reasons = await CliProcess.RunAsync("sql", "SELECT count() FROM dead_letters WHERE reason != ''", "--data", data, "--format", "tsv");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("every input accounted for: 8,000 =", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, byFamily.ExitCode);
        var lines = byFamily.Out.Trim().Split('\n');
        Assert.Equal("family\tcount()", lines[0]);
        Assert.Equal(["channel", "payment", "supplier", "warehouse"], lines.Skip(1).Select(l => l.Split('\t')[0]));
        Assert.True(long.Parse(reasons.Out.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("3pl-backlog", await File.ReadAllTextAsync(Path.Combine(data, "ground-truth.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_stored_rows_through_the_commands()
    {
        var (first, second) = (Data(), Data());
        const string fingerprint = "SELECT count(), sum(cityHash64(event_id, type, occurred_at, received_at, payload)) FROM raw_events";

        await CliProcess.RunAsync("run", "--events", "5000", "--seed", "3", "--bad-input", "--data", first);
        await CliProcess.RunAsync("run", "--events", "5000", "--seed", "3", "--bad-input", "--data", second);
        var a = await CliProcess.RunAsync("sql", fingerprint, "--data", first, "--format", "tsv");
        var b = await CliProcess.RunAsync("sql", fingerprint, "--data", second, "--format", "tsv");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public async Task Sql_is_read_only_unless_asked_and_reports_clickhouse_errors()
    {
        var data = Data();
        await CliProcess.RunAsync("run", "--events", "1000", "--clean", "--data", data);

        var write = await CliProcess.RunAsync("sql", "TRUNCATE TABLE raw_events", "--data", data);
        var bad = await CliProcess.RunAsync("sql", "SELECT nope FROM raw_events", "--data", data);
        var count = await CliProcess.RunAsync("sql", "SELECT count() FROM raw_events", "--data", data, "--format", "tsv");

        Assert.Equal(1, write.ExitCode);
        Assert.Contains("--write", write.Error, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("nope", bad.Error, StringComparison.Ordinal);
        Assert.Equal("1000", count.Out.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Simulate_covers_the_days_it_is_told_and_refuses_days_out_of_range()
    {
        var file = Path.Combine(Data(), "month.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var month = await CliProcess.RunAsync("simulate", "--events", "20000", "--days", "30", "--clean", "--out", file);
        var refused = await CliProcess.RunAsync("simulate", "--events", "20000", "--days", "0", "--out", file);

        Assert.True(month.ExitCode == 0, month.Error);
        var last = (await File.ReadAllLinesAsync(file))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("occurredAt").GetDateTimeOffset()).Max();
        Assert.InRange((last - new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)).TotalDays, 20, 32);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--days", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_without_a_store_says_to_run_first()
    {
        var outcome = await CliProcess.RunAsync("sql", "SELECT 1", "--data", Data());

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("intelligence run", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_add_prints_a_key_once_and_stores_only_its_hash()
    {
        var data = Data();

        var added = await CliProcess.RunAsync("keys", "add", "webstore", "--data", data);
        var key = added.Out.Trim().Split('\n')[^1];
        var stored = await File.ReadAllTextAsync(Path.Combine(data, "api-keys.txt"));

        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith("ik_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.Contains("webstore ", stored, StringComparison.Ordinal);
    }
}
