using System.Net;
using System.Text.Json.Nodes;
using Intelligence.Analytics;
using Intelligence.Dashboards.Tests;

namespace Intelligence.Console.Tests;

/// <summary>The console's API over HTTP: every panel of every dashboard answers with rows over the data's span.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleApiTests(ConsoleUnderTest console)
{
    [Fact]
    public async Task Lists_the_six_provisioned_dashboards()
    {
        var list = await GetAsync("/api/dashboards");

        Assert.Equal(Provisioning.Dashboards.Select(d => d.Uid), list.AsArray().Select(d => d!["uid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_data_span_covers_the_simulated_run_in_simulated_time()
    {
        var span = await GetAsync("/api/span");
        var from = DateTimeOffset.Parse(span["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(span["to"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(from <= SimulatedRun.Options.Start, $"span starts {from:O}");
        Assert.True(to > SimulatedRun.Options.Start.AddDays(5), $"span ends {to:O}");
        Assert.True(span["events"]!.GetValue<long>() > 50_000);
    }

    [Fact]
    public async Task Every_panel_answers_with_rows_over_the_data_span_even_when_asked_all_at_once()
    {
        // All at once, as a browser asks: the console must keep each USE with its query.
        var requests = Provisioning.AllPanels
            .Select(async p => (p.Dashboard.Uid, p.Panel, Answer: await console.Http.GetAsync(
                new Uri($"/api/dashboards/{p.Dashboard.Uid}/panels/{p.Panel.Id}", UriKind.Relative))))
            .ToList();

        foreach (var (uid, panel, answer) in await Task.WhenAll(requests))
        {
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            Assert.True(answer.IsSuccessStatusCode, $"{uid} / {panel.Title}: {(int)answer.StatusCode} {body["error"]}");
            var result = body["results"]![0]!;
            Assert.Equal(panel.Targets[0].ExpectedColumns, result["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
            Assert.True(result["rows"]!.AsArray().Count > 0, $"{uid} / {panel.Title} returned no rows");
        }
    }

    [Fact]
    public async Task A_panel_runs_with_chosen_variable_values_and_an_explicit_range()
    {
        var (from, to) = SimulatedRun.Range;
        var query = $"from={from.ToUnixTimeMilliseconds()}&to={to.ToUnixTimeMilliseconds()}&var-channel=webstore&var-channel=marketplace-amz&var-location=$__all";

        var answer = await GetAsync($"/api/dashboards/intelligence-planner/panels/12?{query}");

        var sql = answer["results"]![0]!["sql"]!.GetValue<string>();
        Assert.Contains("'webstore','marketplace-amz'", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variable_options_come_from_the_store()
    {
        var answer = await GetAsync("/api/dashboards/intelligence-warehouse/variables/location");

        Assert.Contains("3PL-NORTH", answer["options"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Open_alerts_list_severity_kind_entity_cause_and_next_action()
    {
        var alerts = await GetAsync("/api/alerts/open");

        var columns = alerts["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["severity", "kind", "entity", "cause", "next_action"], columns.Take(5));
        Assert.NotEmpty(alerts["rows"]!.AsArray());
    }

    [Fact]
    public async Task A_range_with_only_one_end_is_refused_with_the_reason()
    {
        var answer = await console.Http.GetAsync(new Uri("/api/dashboards/intelligence-planner/panels/1?from=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("from and to", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dashboard_or_panel_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync(new Uri("/api/dashboards/nope", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync(new Uri("/api/dashboards/intelligence-planner/panels/999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_from_the_assembly()
    {
        var answer = await console.Http.GetAsync(new Uri("/d/intelligence-planner", UriKind.Relative));

        Assert.Equal("text/html; charset=utf-8", answer.Content.Headers.ContentType?.ToString());
        Assert.Contains("console.js", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_leaves_the_store_read_only()
    {
        await Assert.ThrowsAsync<AnalyticsException>(() =>
            console.Store.ExecuteAsync($"CREATE TABLE {SimulatedRun.Database}.scratch (x UInt8) ENGINE = Memory"));
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        var answer = await console.Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{path}: {(int)answer.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
