namespace Intelligence.Dashboards.Tests;

/// <summary>
/// Every panel's SQL, expanded as Grafana would, runs on the real engine over the simulated run and
/// returns rows with the columns its visualisation expects. No panel is allowed to come back empty.
/// </summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class PanelSqlTests(SimulatedRun run)
{
    public static TheoryData<string, int> Panels()
    {
        var data = new TheoryData<string, int>();
        foreach (var (dashboard, panel) in Provisioning.AllPanels)
        {
            data.Add(dashboard.Uid, panel.Id);
        }

        return data;
    }

    public static TheoryData<string> Uids() => new(Provisioning.Dashboards.Select(d => d.Uid));

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Every_panel_returns_rows_with_the_columns_it_expects_over_the_simulated_run(string uid, int panelId)
    {
        var dashboard = Provisioning.Get(uid);
        var panel = dashboard.Panels.Single(p => p.Id == panelId);

        var results = await PanelQueries.RunAsync(run.Store, SimulatedRun.Database, panel, await run.AllContextAsync(dashboard));

        Assert.All(panel.Targets.Zip(results), pair =>
        {
            var (target, result) = pair;
            Assert.Equal(target.ExpectedColumns, result.ColumnNames);
            Assert.True(result.Rows.Count > 0, $"{uid} / {panel.Title} returned no rows:\n{result.Sql}");
        });
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task Every_template_variable_lists_options_from_the_store(string uid)
    {
        var dashboard = Provisioning.Get(uid);
        var (from, to) = SimulatedRun.Range;

        foreach (var variable in dashboard.Variables)
        {
            var options = await PanelQueries.VariableOptionsAsync(run.Store, SimulatedRun.Database, variable, QueryContext.For(from, to));
            Assert.True(options.Count > 1, $"{uid} variable {variable.Name} lists {options.Count} option(s)");
            Assert.True(variable.IncludeAll && variable.Multi, $"{uid} variable {variable.Name} must offer All and several values");
        }
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task Every_panel_runs_with_one_value_of_each_variable_chosen(string uid)
    {
        var dashboard = Provisioning.Get(uid);
        var all = await run.AllContextAsync(dashboard);
        var one = all with
        {
            Variables = all.Variables.ToDictionary(v => v.Key, v => VariableSelection.Of(v.Value.Values[0])),
        };

        foreach (var panel in dashboard.Panels)
        {
            var results = await PanelQueries.RunAsync(run.Store, SimulatedRun.Database, panel, one);
            Assert.Equal(panel.Targets[0].ExpectedColumns, results[0].ColumnNames);
        }
    }
}
