using System.Globalization;
using Intelligence.Simulator;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// After a run with all four scenarios on (the default workload, 20 simulated days), SQL over the store
/// shows what the issue asks: exceptions in every category with severity, age, SLA state and team; and
/// each planted problem found where the ground truth says, inside its window.
/// </summary>
public sealed class OperationalPictureTests : IAsyncLifetime
{
    private static readonly string[] OrderCategories =
    [
        "payment_hold", "address_validation", "fraud_review", "partial_allocation", "split_shipment", "backorder",
        "carrier_delay", "damaged_return", "supplier_short_shipment",
    ];

    private string _db = "";
    private Dictionary<Scenario, ScenarioTruth> _truth = [];

    public async Task InitializeAsync()
    {
        _db = SharedStore.NewDatabase();
        var options = new SimulationOptions
        {
            Events = 200_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
        };
        await PipelineRig.SimulateAsync(_db, options);
        _truth = new RetailSimulator(options).GroundTruth.ToDictionary(t => t.Scenario);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_exception_category_the_issue_names_is_in_the_queue_with_severity_sla_state_and_team()
    {
        var rows = (await PipelineRig.QueryAsync($"""
            SELECT category, count(), countIf(severity = ''), countIf(team = ''), countIf(breached), max(dateDiff('hour', opened_at, updated_at))
            FROM {_db}.exceptions FINAL GROUP BY category ORDER BY category
            """)).Split('\n').Select(l => l.Split('\t')).ToDictionary(c => c[0], c => c[1..].Select(long.Parse).ToArray());

        Assert.All(OrderCategories, category => Assert.True(rows.ContainsKey(category), $"no {category} exception"));
        Assert.All(rows, r => Assert.Equal(0, r.Value[1] + r.Value[2]));
        Assert.Contains(rows.Values, r => r[3] > 0);
        Assert.Contains("unreconciled_settlement", rows.Keys);
    }

    [Fact]
    public async Task The_flash_promotion_gets_an_exposure_recommendation_naming_it_inside_its_window()
    {
        var truth = _truth[Scenario.FlashPromotion];
        var found = await PipelineRig.CountAsync($"""
            SELECT count() FROM {_db}.channel_exposure_recommendations
            WHERE promotion_id = '{truth.EntityId}' AND channel = '{truth.Details["channel"]}'
              AND recommended_at BETWEEN '{Time(truth.StartsAt)}' AND '{Time(truth.EndsAt)}'
            """);

        Assert.True(found > 0, $"no recommendation for {truth.EntityId}");
    }

    [Fact]
    public async Task The_slipping_supplier_is_warned_inside_its_window_naming_open_purchase_orders()
    {
        var truth = _truth[Scenario.SupplierSlippage];
        var warned = await PipelineRig.QueryAsync($"""
            SELECT supplier_id, count(DISTINCT po_id) FROM {_db}.supplier_warnings FINAL
            WHERE warned_at BETWEEN '{Time(truth.StartsAt)}' AND '{Time(truth.EndsAt)}' GROUP BY supplier_id
            """);

        Assert.Equal(truth.EntityId, Assert.Single(warned.Split('\n')).Split('\t')[0]);
    }

    [Fact]
    public async Task The_backed_up_node_raises_node_backlog_and_a_routing_recommendation_inside_its_window()
    {
        var truth = _truth[Scenario.ThreePlBacklog];
        var window = $"BETWEEN '{Time(truth.StartsAt)}' AND '{Time(truth.EndsAt)}'";
        var opened = await PipelineRig.CountAsync(
            $"SELECT count() FROM {_db}.exception_events WHERE exception_id = 'node_backlog:{truth.EntityId}' AND change = 'opened' AND at {window}");
        var routed = await PipelineRig.CountAsync(
            $"SELECT count() FROM {_db}.routing_recommendations WHERE from_node = '{truth.EntityId}' AND active AND at {window}");

        Assert.True(opened > 0, "node_backlog did not open in the window");
        Assert.True(routed > 0, "no routing recommendation away from the node in the window");
    }

    [Fact]
    public async Task The_product_line_with_the_bad_batch_is_flagged_inside_its_window_and_no_other_is()
    {
        var truth = _truth[Scenario.HighReturnRate];
        var flags = await PipelineRig.QueryAsync($"SELECT category, min(at) FROM {_db}.quality_flags WHERE change = 'opened' GROUP BY category");

        var (category, at) = Assert.Single(flags.Split('\n').Select(l => l.Split('\t')).Select(c => (c[0], c[1])));
        Assert.Equal(truth.EntityId, category);
        var flaggedAt = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(flaggedAt, truth.StartsAt, truth.EndsAt);
    }

    /// <summary>The delays docs/processors/anomalies-and-alerts.md states for each scenario's first alert.</summary>
    [Theory]
    [InlineData(Scenario.FlashPromotion, "promotion", 6, "'demand_spike', 'oversell_risk', 'oversell', 'margin_leak'")]
    [InlineData(Scenario.SupplierSlippage, "supplier", 48, "'lead_time_slip', 'supplier_slippage'")]
    [InlineData(Scenario.ThreePlBacklog, "node", 12, "'backlog_growth', 'node_backlog'")]
    [InlineData(Scenario.HighReturnRate, "category", 72, "'return_rate_jump', 'return_rate_quality'")]
    public async Task Each_scenario_raises_an_alert_naming_its_cause_within_the_stated_delay(Scenario scenario, string kind, int hours, string kinds)
    {
        var truth = _truth[scenario];
        var entity = $"{kind}:{truth.EntityId}";
        var first = await PipelineRig.QueryAsync($"""
            SELECT min(at) FROM {_db}.alert_notices
            WHERE change != 'resolved' AND has(cause_entities, '{entity}') AND kind IN ({kinds}) AND at >= '{Time(truth.StartsAt)}'
            """);

        Assert.False(first.StartsWith("1970", StringComparison.Ordinal), $"no alert named {entity}");
        var delay = DateTimeOffset.Parse(first, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - truth.StartsAt;
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromHours(hours));
    }

    [Fact]
    public async Task Anomaly_alerts_that_name_no_planted_problem_stay_under_one_a_day()
    {
        var entities = string.Join(", ", _truth.Values.Select(t => $"'{(t.EntityKind == "product-line" ? "category" : t.EntityKind)}:{t.EntityId}'"));
        var falseAlerts = await PipelineRig.CountAsync($"""
            SELECT count() FROM {_db}.alert_notices
            WHERE change = 'opened' AND source = 'anomaly' AND NOT hasAny(cause_entities, [{entities}])
            """);
        var days = new SimulationOptions { Events = 200_000 }.Span.TotalDays;

        Assert.True(falseAlerts / days < 1, $"{falseAlerts} anomaly alerts in {days} days name none of {entities}");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
