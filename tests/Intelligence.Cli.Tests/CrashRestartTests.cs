using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Intelligence.Cli.Tests;

/// <summary>
/// Issue 8's test: the pipeline as a child process, killed with SIGKILL at points chosen by a seeded
/// random schedule (the first before anything is checkpointed), restarted each time with the same command,
/// ends with the same account, tables and fold state as an uninterrupted run of the same events.
/// </summary>
public sealed partial class CrashRestartTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Columns that name the run or the wall-clock time of this run, which two runs cannot share.</summary>
    private static readonly HashSet<string> RunSpecificColumns =
        ["run_id", "started_at", "finished_at", "settings", "snapshot_at", "failed_at", "applied_at"];

    private readonly string _root = CliProcess.NewDataDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_killed_and_restarted_ends_as_an_uninterrupted_run_of_the_same_events()
    {
        Directory.CreateDirectory(_root);
        var input = Path.Combine(_root, "events.jsonl");
        var config = Path.Combine(_root, "checkpoints.json");
        await File.WriteAllTextAsync(config, """{ "Checkpoint": { "Every": 4000 } }""");
        var simulate = await CliProcess.RunAsync("simulate", "--out", input, "--events", "80k", "--seed", "8", "--bad-input");
        Assert.True(simulate.ExitCode == 0, simulate.Error);

        var whole = Path.Combine(_root, "whole");
        var crashed = Path.Combine(_root, "crashed");
        string[] Run(string data) => ["run", "--source", "file", "--input", input, "--data", data, "--config", config];

        var reference = await CliProcess.RunAsync(Run(whole));
        Assert.True(reference.ExitCode == 0, reference.Error + reference.Out);
        // simulate --out records each input's arrival, so both runs replay the file as it arrived, the
        // restarted one from where its checkpoint stands.
        Assert.Contains("as it arrived", reference.Error, StringComparison.Ordinal);

        var schedule = new Random(20261108);
        var kills = 0;
        var killedBeforeAnyCheckpoint = false;
        CliProcess.Outcome? last = null;
        while (last is null)
        {
            var running = CliProcess.Start(Run(crashed));
            var wait = kills switch
            {
                0 => TimeSpan.FromMilliseconds(300),
                // Short lives on more events than they can get through: a faster pipeline must not finish before the fourth kill.
                < 4 => TimeSpan.FromMilliseconds(schedule.Next(1_000, 3_000)),
                _ => Timeout.InfiniteTimeSpan,
            };
            if (kills > 0 && wait != Timeout.InfiniteTimeSpan)
            {
                // Each later life is killed only once the run is on disk, so that a slow start on a busy
                // machine cannot leave nothing to resume.
                await UntilAsync(() => File.Exists(Path.Combine(crashed, "checkpoints", "run.json")) || running.HasExited, TimeSpan.FromMinutes(1));
            }

            if (wait != Timeout.InfiniteTimeSpan)
            {
                await Task.Delay(wait);
            }

            if (wait == Timeout.InfiniteTimeSpan || running.HasExited)
            {
                last = await running.WaitAsync();
                break;
            }

            killedBeforeAnyCheckpoint |= kills == 0 && !File.Exists(Path.Combine(crashed, "checkpoints", "run.json"));
            await running.KillAsync();
            kills++;
            output.WriteLine($"kill {kills} after {wait.TotalMilliseconds:N0} ms");
        }

        output.WriteLine($"survived {kills} kills (SIGKILL), the first before any checkpoint: {killedBeforeAnyCheckpoint}");
        Assert.True(last.ExitCode == 0, last.Error + last.Out);
        Assert.Equal(4, kills);
        Assert.True(killedBeforeAnyCheckpoint, "the first kill came after the first checkpoint: the schedule no longer covers that case");
        Assert.Contains("Resuming run", last.Error, StringComparison.Ordinal);

        // The account: inputs = stored + dead-lettered + duplicates, with the same numbers.
        var account = Account(reference.Out);
        Assert.Equal(account, Account(last.Out));
        output.WriteLine($"account: {account}");

        // Every table: the same rows, each once.
        var expected = await TableDigestsAsync(whole);
        var actual = await TableDigestsAsync(crashed);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var differing = expected.Where(t => t.Value != actual[t.Key])
            .Select(t => $"{t.Key}: uninterrupted {t.Value}, after {kills} kills {actual[t.Key]}").ToList();
        Assert.True(differing.Count == 0, string.Join(Environment.NewLine, differing));
        output.WriteLine($"{expected.Count} tables equal, {expected.Values.Sum(t => t.Rows):N0} rows");

        Assert.Contains(expected, t => t.Key == "raw_events" && t.Value.Rows > 30_000);

        // The processors' final state, key by key.
        Assert.Equal(FinalState(whole), FinalState(crashed));
    }

    private static async Task UntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
    }

    private static string Account(string runOutput) =>
        AccountLine().Match(runOutput) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException("no account in: " + runOutput);

    /// <summary>Rows and a sum of row hashes per table (latest-state and rollup tables read FINAL), run-specific columns left out.</summary>
    private static async Task<Dictionary<string, (long Rows, string Hash)>> TableDigestsAsync(string data)
    {
        var columns = await SqlAsync(data, """
            SELECT c.table, c.name, c.type, t.engine FROM system.columns c
            JOIN system.tables t ON t.database = c.database AND t.name = c.table
            WHERE c.database = currentDatabase() AND t.engine LIKE '%MergeTree%' ORDER BY c.table, c.position
            """);
        var queries = columns
            .GroupBy(c => (Table: c[0], Engine: c[3]))
            .Select(t =>
            {
                var hashed = t.Where(c => !RunSpecificColumns.Contains(c[1]))
                    .Select(c => c[2].StartsWith("AggregateFunction", StringComparison.Ordinal) ? $"finalizeAggregation({c[1]})" : c[1]);
                var final = t.Key.Engine == "MergeTree" ? "" : " FINAL";
                return $"SELECT '{t.Key.Table}', count(), toString(sumWithOverflow(cityHash64({string.Join(", ", hashed)}))) FROM {t.Key.Table}{final}";
            });
        var rows = await SqlAsync(data, string.Join(" UNION ALL ", queries));
        return rows.ToDictionary(r => r[0], r => (long.Parse(r[1], CultureInfo.InvariantCulture), r[2]));
    }

    private static async Task<List<string[]>> SqlAsync(string data, string query)
    {
        var result = await CliProcess.RunAsync("sql", query, "--data", data, "--format", "tsv");
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t'))];
    }

    /// <summary>The fold states the completed checkpoint keeps, with object members sorted (the order of a dictionary is no state).</summary>
    private static string FinalState(string data)
    {
        var checkpoint = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "checkpoints", "run.json")))!;
        Assert.True(checkpoint["run"]!["complete"]!.GetValue<bool>());
        var kept = new JsonObject
        {
            ["states"] = Sorted(checkpoint["states"]),
            ["ingest"] = Sorted(checkpoint["run"]!["ingest"]),
            ["offsets"] = Sorted(checkpoint["run"]!["offsets"]),
            ["streamTime"] = checkpoint["run"]!["streamTime"]!.DeepClone(),
        };
        return kept.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"every input accounted for: [\d,]+ = [\d,]+ \+ [\d,]+ \+ [\d,]+")]
    private static partial Regex AccountLine();
}
