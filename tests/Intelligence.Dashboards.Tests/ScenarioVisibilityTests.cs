using System.Text.Json.Nodes;
using Intelligence.Simulator;

namespace Intelligence.Dashboards.Tests;

/// <summary>
/// Each planted problem shows on the first screen of the dashboards of the people who must act on
/// it, named by the simulator's ground truth.
/// </summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class ScenarioVisibilityTests(SimulatedRun run)
{
    /// <summary>
    /// Grid rows visible without scrolling: Grafana's rows are 30 px plus an 8 px margin, so 20 rows
    /// fill about 760 px, what a 1080p screen shows under the header and the variable bar.
    /// </summary>
    private const int FirstScreenRows = 20;

    [Theory]
    [InlineData("intelligence-planner", "Alerts in the range", "named")]
    [InlineData("intelligence-planner", "Channel exposure recommendations", "promotion_id")]
    [InlineData("intelligence-executive", "Alerts in the range", "named")]
    [InlineData("intelligence-merchandising", "Margin by channel and promotion", "promotion_id")]
    public async Task The_flash_promotion_is_named_on_the_first_screen(string uid, string panel, string column)
    {
        var promotion = run.Truth[Scenario.FlashPromotion].EntityId;

        var values = await FirstScreenColumnAsync(uid, panel, column);

        Assert.True(values.Any(v => v.Contains(promotion, StringComparison.Ordinal)), $"{promotion} not in {column}: {string.Join(" | ", values)}");
    }

    [Fact]
    public async Task The_slipping_supplier_tops_the_planners_supplier_slippage_table()
    {
        var supplier = run.Truth[Scenario.SupplierSlippage].EntityId;

        var values = await FirstScreenColumnAsync("intelligence-planner", "Supplier slippage", "supplier_id");

        Assert.Equal(supplier, values[0]);
    }

    [Fact]
    public async Task The_slipping_supplier_has_an_alert_on_the_planners_first_screen()
    {
        var supplier = run.Truth[Scenario.SupplierSlippage].EntityId;

        var values = await FirstScreenColumnAsync("intelligence-planner", "Alerts in the range", "named");

        Assert.Contains(values, v => v.Contains($"supplier:{supplier}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Node status", "location")]
    [InlineData("Backlog lines by node", "node")]
    public async Task The_backed_up_3pl_is_on_the_warehouse_first_screen(string panel, string column)
    {
        var node = run.Truth[Scenario.ThreePlBacklog].EntityId;

        var values = await FirstScreenColumnAsync("intelligence-warehouse", panel, column);

        Assert.Contains(node, values);
    }

    [Fact]
    public async Task The_backed_up_3pl_tops_the_node_status_table_by_its_worst_pick_delay()
    {
        var node = run.Truth[Scenario.ThreePlBacklog].EntityId;

        var values = await FirstScreenColumnAsync("intelligence-warehouse", "Node status", "location");

        Assert.Equal(node, values[0]);
    }

    [Theory]
    [InlineData("Return rate by product line")]
    [InlineData("Product line returns")]
    public async Task The_returning_product_line_tops_the_merchandising_return_panels(string panel)
    {
        var category = run.Truth[Scenario.HighReturnRate].EntityId;

        var values = await FirstScreenColumnAsync("intelligence-merchandising", panel, "category");

        Assert.Equal(category, values[0]);
    }

    /// <summary>The values of one column of a panel that must lie on the first screen, run over the whole simulated run.</summary>
    private async Task<List<string>> FirstScreenColumnAsync(string uid, string title, string column)
    {
        var dashboard = Provisioning.Get(uid);
        var panel = dashboard.Panels.Single(p => p.Title == title);
        Assert.True(panel.GridPos.Y + panel.GridPos.H <= FirstScreenRows, $"{uid} / {title} ends at row {panel.GridPos.Y + panel.GridPos.H}, below the first screen");

        var result = (await PanelQueries.RunAsync(run.Store, SimulatedRun.Database, panel, await run.AllContextAsync(dashboard)))[0];
        var index = result.ColumnNames.ToList().IndexOf(column);
        Assert.True(index >= 0, $"{title} has no column {column}");
        return result.Rows.Select(r => Text(r[index])).ToList();
    }

    private static string Text(JsonNode? cell) =>
        cell is JsonValue value && value.TryGetValue<string>(out var s) ? s : cell?.ToJsonString() ?? "";
}
