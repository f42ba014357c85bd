using System.Text.RegularExpressions;
using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

/// <summary>The example queries in docs/schema.md run against a real simulated run and return rows.</summary>
public sealed partial class SchemaDocTests
{
    [Fact]
    public async Task Every_example_query_in_the_schema_doc_runs_and_returns_rows()
    {
        var db = SharedStore.NewDatabase();
        await PipelineRig.SimulateAsync(db, new SimulationOptions
        {
            Events = 5_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
        }, record: true);
        var queries = ExampleQueries(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "schema.md")));

        await SharedStore.Instance.ExecuteAsync($"USE {db}");
        Assert.True(queries.Count >= 5, $"found {queries.Count} queries");
        foreach (var query in queries)
        {
            var result = await SharedStore.Instance.QueryAsync(query, "TabSeparated");
            Assert.False(string.IsNullOrWhiteSpace(result.Text), $"no rows from: {query}");
        }
    }

    public static List<string> ExampleQueries(string markdown) =>
        SqlBlock().Matches(markdown)
            .SelectMany(m => m.Groups[1].Value.Split(';'))
            .Select(q => string.Join('\n', q.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(q => q.Length > 0)
            .ToList();

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Intelligence.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
