using System.Text.RegularExpressions;

namespace Intelligence.Grafana.Tests;

/// <summary>rules.yaml holds together: it parses, its uids are unique, and its rules name what exists.</summary>
public sealed partial class AlertRuleFileTests
{
    private const string ClickHouseUid = "clickhouse";
    private const string ExpressionUid = "__expr__";

    [Fact]
    public void Every_alerting_file_parses_as_provisioning_version_1()
    {
        Assert.Equal(1, AlertingFiles.Rules().ApiVersion);
        Assert.Equal(1, AlertingFiles.ContactPoints().ApiVersion);
        Assert.Equal(1, AlertingFiles.Policies().ApiVersion);
        Assert.All(AlertingFiles.Rules().Groups, g =>
        {
            Assert.False(string.IsNullOrWhiteSpace(g.Folder), $"group {g.Name} has no folder");
            Assert.NotEmpty(g.Rules);
        });
    }

    [Fact]
    public void Rule_uids_are_unique_and_fit_grafanas_uid_rules()
    {
        var uids = AlertingFiles.AllRules().Select(r => r.Uid).ToList();
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(uids, uid => Assert.Matches(Uid(), uid));
    }

    [Fact]
    public void Every_condition_and_expression_names_a_query_of_its_own_rule()
    {
        foreach (var rule in AlertingFiles.AllRules())
        {
            var refIds = rule.Data.Select(d => d.RefId).ToHashSet(StringComparer.Ordinal);
            Assert.True(refIds.Count == rule.Data.Count, $"{rule.Uid}: duplicate refIds");
            Assert.True(refIds.Contains(rule.Condition), $"{rule.Uid}: condition {rule.Condition} is not one of {string.Join(", ", refIds)}");
            foreach (var expression in rule.Data.Where(d => d.DatasourceUid == ExpressionUid))
            {
                var input = expression.ModelText("expression");
                Assert.True(input is not null && refIds.Contains(input), $"{rule.Uid}/{expression.RefId}: expression input '{input}' is not a query of the rule");
            }
        }
    }

    [Fact]
    public void Every_query_reads_the_clickhouse_datasource_as_A_reduced_by_B_and_thresholded_by_C()
    {
        foreach (var rule in AlertingFiles.AllRules())
        {
            Assert.All(rule.Data, d => Assert.Contains(d.DatasourceUid, new[] { ClickHouseUid, ExpressionUid }));
            foreach (var query in rule.Data.Where(d => d.Model.ContainsKey("datasource")))
            {
                var named = (Dictionary<object, object>)query.Model["datasource"];
                Assert.Equal(query.DatasourceUid, named["uid"]);
            }

            var a = rule.Query("A");
            Assert.Equal(ClickHouseUid, a.DatasourceUid);
            Assert.Equal("sql", a.ModelText("editorType"));
            Assert.Equal("table", a.ModelText("queryType"));
            Assert.False(string.IsNullOrWhiteSpace(a.ModelText("rawSql")), $"{rule.Uid}: no rawSql");
            Assert.Equal("reduce", rule.Query("B").ModelText("type"));
            Assert.Equal("threshold", rule.Query("C").ModelText("type"));
            Assert.Equal("C", rule.Condition);
        }
    }

    [Fact]
    public void Labels_and_queries_hold_no_dollar_sign_that_provisioning_would_replace()
    {
        // Grafana replaces $NAME with an environment variable in labels and queries, not in annotations.
        foreach (var rule in AlertingFiles.AllRules())
        {
            Assert.All(rule.Labels.Values, v => Assert.DoesNotContain("$", v, StringComparison.Ordinal));
            Assert.DoesNotContain("$", rule.Query("A").ModelText("rawSql")!, StringComparison.Ordinal);
            Assert.True(rule.Annotations.ContainsKey("summary") && rule.Annotations.ContainsKey("description"), $"{rule.Uid}: summary and description");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex Uid();
}
