using Intelligence.Analytics;
using Intelligence.Analytics.Chdb;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence sql</c>: an analyst's query against the embedded store, read-only unless asked.</summary>
public static class SqlCommand
{
    public const string Usage = """
        intelligence sql "QUERY" [--data DIR] [--format table|tsv|csv|json|vertical] [--write]

        Runs ClickHouse SQL against the embedded store under --data (default ./data), in the
        pipeline's database (tables raw_events, dead_letters, pipeline_runs, scenario_truth, ...).
        Read-only by default; --write allows statements that change data.

          --data DIR         where the store lives (default ./data)
          --format F         table (default), tsv, csv, json (one object a line) or vertical
          --write            allow INSERT, CREATE, ALTER and the like

        Examples:
          ./intelligence sql "SELECT family, type, count() FROM raw_events GROUP BY ALL ORDER BY ALL"
          ./intelligence sql "SELECT reason, count(), any(detail) FROM dead_letters GROUP BY reason" --format vertical
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["data", "format", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["write"]);

    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["table"] = "PrettyCompactNoEscapesMonoBlock",
        ["tsv"] = "TabSeparatedWithNames",
        ["csv"] = "CSVWithNames",
        ["json"] = "JSONEachRow",
        ["vertical"] = "Vertical",
    };

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings)
    {
        if (line.Positional.Count != 1 || string.IsNullOrWhiteSpace(line.Positional[0]))
        {
            throw new UsageException("Give the query as one argument, in quotes.");
        }

        var name = line.Value("format") ?? "table";
        if (!Formats.TryGetValue(name, out var format))
        {
            throw new UsageException($"--format must be one of {string.Join(", ", Formats.Keys)} (got '{name}').");
        }

        var data = line.Value("data") ?? settings.DataDirectory;
        var path = Path.Combine(data, "chdb");
        if (!Directory.Exists(path))
        {
            throw new UsageException($"There is no store under '{data}'. Run `./intelligence run --data {data}` first.");
        }

        await using var store = ChdbStore.Open(path);
        var database = SqlNames.RequireIdentifier(settings.Database, "database");
        await store.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}");
        await store.ExecuteAsync($"USE {database}");
        if (!line.Flag("write"))
        {
            await store.ExecuteAsync("SET readonly = 1");
        }

        try
        {
            var result = await store.QueryAsync(line.Positional[0], format);
            System.Console.Out.Write(result.Text);
            await System.Console.Error.WriteLineAsync($"({result.RowsRead:N0} rows read in {result.Elapsed.TotalMilliseconds:N0} ms)");
            return 0;
        }
        catch (AnalyticsException ex)
        {
            await System.Console.Error.WriteLineAsync($"ClickHouse refused the query: {ex.Message}");
            if (!line.Flag("write") && ex.Message.Contains("readonly", StringComparison.OrdinalIgnoreCase))
            {
                await System.Console.Error.WriteLineAsync("The sql command is read-only by default; add --write to change data.");
            }

            return 1;
        }
    }
}
