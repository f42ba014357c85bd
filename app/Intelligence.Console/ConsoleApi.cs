using System.Text.Json.Nodes;
using Intelligence.Analytics;
using Intelligence.Dashboards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intelligence.Console;

/// <summary>
/// The console's JSON API, read-only: the dashboards, a dashboard's Grafana JSON, a panel's
/// result for a time range and variable selection, a variable's options, the open alerts and the
/// stored data's span in event time.
/// </summary>
public static class ConsoleApi
{
    /// <summary>Grafana's value for "All" in a URL (<c>var-channel=$__all</c>).</summary>
    public const string AllValue = "$__all";

    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder routes, IReadOnlyList<Dashboard> dashboards, ConsoleQueries queries)
    {
        var byUid = dashboards.ToDictionary(d => d.Uid, StringComparer.Ordinal);
        var api = routes.MapGroup("/api");

        api.MapGet("/dashboards", () => Json(new JsonArray([.. dashboards.Select(Summary)])));
        api.MapGet("/dashboards/{uid}", (string uid) =>
            byUid.TryGetValue(uid, out var d) ? Results.File(d.File, "application/json") : NotFound($"No dashboard '{uid}'."));
        api.MapGet("/dashboards/{uid}/variables/{name}", (string uid, string name, HttpContext http) =>
            VariableAsync(byUid, queries, uid, name, http));
        api.MapGet("/dashboards/{uid}/panels/{id:int}", (string uid, int id, HttpContext http) =>
            PanelAsync(byUid, queries, uid, id, http));
        api.MapGet("/alerts/open", (Delegate)((HttpContext http) => TableAsync(queries, "open_alerts", ConsoleQueries.OpenAlertsSql, http.RequestAborted)));
        api.MapGet("/span", (Delegate)((HttpContext http) => SpanAsync(queries, http.RequestAborted)));
        return routes;
    }

    private static JsonObject Summary(Dashboard d) => new()
    {
        ["uid"] = d.Uid,
        ["title"] = d.Title,
        ["refresh"] = d.Refresh,
        ["panels"] = d.Panels.Count,
        ["variables"] = new JsonArray([.. d.Variables.Select(v => (JsonNode)new JsonObject
        {
            ["name"] = v.Name, ["label"] = v.Label, ["includeAll"] = v.IncludeAll, ["multi"] = v.Multi,
        })]),
    };

    private static async Task<IResult> VariableAsync(Dictionary<string, Dashboard> byUid, ConsoleQueries queries, string uid, string name, HttpContext http)
    {
        var variable = byUid.GetValueOrDefault(uid)?.Variables.FirstOrDefault(v => v.Name == name);
        if (variable is null)
        {
            return NotFound($"No variable '{name}' on dashboard '{uid}'.");
        }

        return await Guarded(async () =>
        {
            var context = await RangeAsync(queries, http).ConfigureAwait(false);
            var options = await queries.VariableOptionsAsync(variable, context, http.RequestAborted).ConfigureAwait(false);
            return new JsonObject { ["name"] = name, ["options"] = new JsonArray([.. options.Select(o => (JsonNode)o)]) };
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> PanelAsync(Dictionary<string, Dashboard> byUid, ConsoleQueries queries, string uid, int id, HttpContext http)
    {
        if (!byUid.TryGetValue(uid, out var dashboard) || dashboard.Panels.FirstOrDefault(p => p.Id == id) is not { } panel)
        {
            return NotFound($"No panel {id} on dashboard '{uid}'.");
        }

        return await Guarded(async () =>
        {
            var range = await RangeAsync(queries, http).ConfigureAwait(false);
            var variables = new Dictionary<string, VariableSelection>(StringComparer.Ordinal);
            foreach (var variable in dashboard.Variables)
            {
                variables[variable.Name] = await SelectionAsync(queries, variable, range, http).ConfigureAwait(false);
            }

            var results = await queries.RunPanelAsync(panel, range with { Variables = variables }, http.RequestAborted).ConfigureAwait(false);
            return new JsonObject
            {
                ["id"] = panel.Id,
                ["title"] = panel.Title,
                ["type"] = panel.Type,
                ["from"] = range.From,
                ["to"] = range.To,
                ["intervalSeconds"] = (long)range.Interval.TotalSeconds,
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)Table(r))]),
            };
        }).ConfigureAwait(false);
    }

    private static async Task<VariableSelection> SelectionAsync(ConsoleQueries queries, TemplateVariable variable, QueryContext range, HttpContext http)
    {
        var chosen = http.Request.Query["var-" + variable.Name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();
        if (chosen.Length > 0 && !chosen.Contains(AllValue, StringComparer.Ordinal))
        {
            return VariableSelection.Of(variable.Multi ? chosen : chosen[..1]);
        }

        // "All" expands to every option, as Grafana does when the variable has no custom all value.
        return VariableSelection.All(await queries.VariableOptionsAsync(variable, range, http.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>The request's range, or the stored data's span when it gives none.</summary>
    private static async Task<QueryContext> RangeAsync(ConsoleQueries queries, HttpContext http)
    {
        var query = http.Request.Query;
        if (TimeRange.TryParse(query["from"], out var from) && TimeRange.TryParse(query["to"], out var to))
        {
            return QueryContext.For(from, to);
        }

        if (query.ContainsKey("from") || query.ContainsKey("to"))
        {
            throw new ArgumentException("Give both from and to, as Unix milliseconds or ISO 8601 times.");
        }

        var span = await DataSpan.ReadAsync(queries, http.RequestAborted).ConfigureAwait(false);
        return QueryContext.For(span.From, span.To);
    }

    private static Task<IResult> TableAsync(ConsoleQueries queries, string name, string sql, CancellationToken ct) =>
        Guarded(async () => Table(await queries.RunSqlAsync(name, sql, ct).ConfigureAwait(false)));

    private static Task<IResult> SpanAsync(ConsoleQueries queries, CancellationToken ct) =>
        Guarded(async () =>
        {
            var span = await DataSpan.ReadAsync(queries, ct).ConfigureAwait(false);
            return new JsonObject { ["from"] = span.From, ["to"] = span.To, ["events"] = span.Events };
        });

    private static JsonObject Table(PanelResult result) => new()
    {
        ["refId"] = result.RefId,
        ["columns"] = new JsonArray([.. result.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
        ["rows"] = new JsonArray([.. result.Rows.Select(row => (JsonNode)new JsonArray([.. row.Select(cell => cell?.DeepClone())]))]),
        ["sql"] = result.Sql,
    };

    /// <summary>Turns what a query can fail with into a 422 whose message the panel shows.</summary>
    private static async Task<IResult> Guarded(Func<Task<JsonObject>> answer)
    {
        try
        {
            return Json(await answer().ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is AnalyticsException or ArgumentException or NotSupportedException or DashboardFormatException)
        {
            return Results.Text(new JsonObject { ["error"] = ex.Message }.ToJsonString(), "application/json", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static IResult NotFound(string message) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(), "application/json", statusCode: StatusCodes.Status404NotFound);

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");
}
