using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// The example queries in docs/processors/*.md run against a simulated run with every scenario on:
/// every query runs, and every page has queries that return rows.
/// </summary>
public sealed class ProcessorDocTests
{
    [Fact]
    public async Task Every_example_query_in_the_processor_docs_runs_and_each_page_returns_rows()
    {
        var db = SharedStore.NewDatabase();
        await PipelineRig.SimulateAsync(db, new SimulationOptions
        {
            Seed = 7, Events = 60_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
        }, record: true);
        var pages = Directory.GetFiles(Path.Combine(SchemaDocTests.RepositoryRoot(), "docs", "processors"), "*.md");

        var empty = new List<string>();
        var ran = 0;
        foreach (var page in pages.Order(StringComparer.Ordinal))
        {
            var queries = SchemaDocTests.ExampleQueries(await File.ReadAllTextAsync(page));
            var withRows = 0;
            foreach (var query in queries.Select(q => q.Replace("intelligence.", db + ".", StringComparison.Ordinal)))
            {
                var result = await SharedStore.Instance.QueryAsync(query, "TabSeparated");
                withRows += string.IsNullOrWhiteSpace(result.Text) ? 0 : 1;
                ran++;
            }

            if (queries.Count > 0 && withRows == 0)
            {
                empty.Add(Path.GetFileName(page));
            }
        }

        Assert.True(ran >= 3, $"only {ran} example queries found");
        Assert.Empty(empty);
    }
}
