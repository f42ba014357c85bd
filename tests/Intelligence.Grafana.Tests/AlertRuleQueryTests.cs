using System.Text.RegularExpressions;

namespace Intelligence.Grafana.Tests;

/// <summary>
/// Each rule's query (refId A) runs on the real engine over a simulated run with every scenario on,
/// as the grafana reader (its profile: read-only, its limits), and returns what the rule needs:
/// string columns that become the alert's labels, severity and team among them, and exactly one
/// numeric column that B reduces and C compares.
/// </summary>
public sealed partial class AlertRuleQueryTests
{
    private static readonly string[] RoutingLabels = ["severity", "team"];

    [Fact]
    public async Task Every_rule_query_runs_as_the_grafana_reader_and_returns_labels_and_one_value()
    {
        var database = await ReaderEngine.DatabaseAsync();
        await using var grafana = ReaderEngine.OpenSecondConnection();
        var silent = new List<string>();
        foreach (var rule in AlertingFiles.AllRules())
        {
            var sql = rule.Query("A").ModelText("rawSql")!.Replace("intelligence.", database + ".", StringComparison.Ordinal);
            var result = await grafana.QueryAsync(sql + "\nSETTINGS profile = 'grafana'", "TabSeparatedWithNamesAndTypes");
            var lines = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var columns = lines[0].Split('\t').Zip(lines[1].Split('\t'), (name, type) => (Name: name, Type: type)).ToList();

            var values = columns.Where(c => Numeric().IsMatch(c.Type)).ToList();
            Assert.True(values.Count == 1, $"{rule.Uid}: one numeric column expected, got {string.Join(", ", values)}");
            var labels = columns.Where(c => !Numeric().IsMatch(c.Type)).ToList();
            Assert.All(labels, c => Assert.True(Text().IsMatch(c.Type), $"{rule.Uid}: label column {c.Name} is {c.Type}, not a string"));

            var labelNames = labels.Select(c => c.Name).Concat(rule.Labels.Keys).ToHashSet(StringComparer.Ordinal);
            Assert.All(RoutingLabels, l => Assert.True(labelNames.Contains(l), $"{rule.Uid}: no {l} label from the rule or its query"));
            foreach (var used in rule.Annotations.Values.SelectMany(a => LabelReference().Matches(a)).Select(m => m.Groups[1].Value))
            {
                Assert.True(labelNames.Contains(used), $"{rule.Uid}: an annotation uses $labels.{used}, which neither the rule nor its query has");
            }

            if (lines.Length == 2)
            {
                silent.Add(rule.Uid);
            }
        }

        // At the end of the 60k-event run the SLA breaches, the slipping supplier and the unreconciled
        // settlements are still open; its anomaly and oversell-risk incidents have been resolved (the
        // rules read what is open now), so those two rules run and return no rows here.
        Assert.DoesNotContain("intel-sla-breaches-open", silent);
        Assert.DoesNotContain("intel-supplier-slippage", silent);
        Assert.DoesNotContain("intel-unreconciled-settlements", silent);
    }

    [Fact]
    public async Task Every_team_the_pipeline_routes_to_reaches_a_team_digest()
    {
        var database = await ReaderEngine.DatabaseAsync();
        var teams = (await ReaderEngine.Store.QueryAsync(
                $"SELECT DISTINCT team FROM (SELECT team FROM {database}.alerts FINAL UNION ALL SELECT team FROM {database}.exceptions FINAL) ORDER BY team",
                "TabSeparated"))
            .Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(teams);

        var teamRoutes = AlertingFiles.Policies().Policies.Single().Routes
            .Where(r => r.ObjectMatchers.Any(m => m[0] == "team"))
            .Select(r => new Regex("^(?:" + r.ObjectMatchers.Single(m => m[0] == "team")[2] + ")$"))
            .ToList();
        Assert.All(teams, team => Assert.True(teamRoutes.Any(r => r.IsMatch(team)), $"team {team} matches no team route"));
    }

    [GeneratedRegex(@"^(?:Nullable\()?(?:U?Int\d+|Float\d+|Decimal)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:LowCardinality\()?(?:Nullable\()?String\)*$")]
    private static partial Regex Text();

    [GeneratedRegex(@"\$labels\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex LabelReference();
}
