using System.Text.Json;
using System.Text.Json.Nodes;
using Intelligence.Analytics;

namespace Intelligence.Dashboards;

/// <summary>Runs panels' and template variables' SQL on an analytics store, as Grafana would through the plugin.</summary>
public static class PanelQueries
{
    /// <summary>
    /// Expands each of the panel's targets for <paramref name="context"/> and runs it in
    /// <paramref name="database"/> (the datasource's default database: the SQL names tables without one).
    /// </summary>
    /// <remarks>
    /// The database is chosen with <c>USE</c> on the store's session, so a store shared with code
    /// that relies on another default database must not run panel queries at the same time.
    /// </remarks>
    public static async Task<IReadOnlyList<PanelResult>> RunAsync(
        IAnalyticsStore store, string database, Panel panel, QueryContext context, CancellationToken ct = default)
    {
        var results = new List<PanelResult>(panel.Targets.Count);
        foreach (var target in panel.Targets)
        {
            results.Add(await RunSqlAsync(store, database, target.RefId, GrafanaMacros.Expand(target.RawSql, context), ct));
        }

        return results;
    }

    /// <summary>The options of a query variable: the distinct values of its query's first column, in order.</summary>
    public static async Task<IReadOnlyList<string>> VariableOptionsAsync(
        IAnalyticsStore store, string database, TemplateVariable variable, QueryContext context, CancellationToken ct = default)
    {
        var result = await RunSqlAsync(store, database, variable.Name, GrafanaMacros.Expand(variable.Query, context), ct);
        return result.Rows
            .Select(row => row.Count == 0 || row[0] is null ? "" : row[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : row[0]!.ToJsonString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Runs SQL that is already expanded and returns its columns and rows.</summary>
    public static async Task<PanelResult> RunSqlAsync(IAnalyticsStore store, string database, string refId, string sql, CancellationToken ct = default)
    {
        await store.ExecuteAsync($"USE {SqlNames.RequireIdentifier(database, "database")}", ct);
        var output = await store.QueryAsync(sql, "JSONCompact", ct: ct);
        return Read(refId, sql, output.Text);
    }

    private static PanelResult Read(string refId, string sql, string json)
    {
        var root = JsonNode.Parse(json) ?? throw new JsonException("The store returned no JSON.");
        var columns = root["meta"]!.AsArray()
            .Select(c => new PanelColumn(c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>()))
            .ToList();
        var rows = root["data"]!.AsArray()
            .Select(row => (IReadOnlyList<JsonNode?>)row!.AsArray().Select((cell, i) => Cell(cell, columns[i].Type)).ToList())
            .ToList();
        return new PanelResult(refId, sql, columns, rows);
    }

    // ClickHouse quotes 64-bit integers in JSON so no precision is lost; counts here fit a double's
    // exact range, so they are handed on as numbers, as Grafana's data frames carry them.
    private static JsonNode? Cell(JsonNode? cell, string type) =>
        cell is JsonValue value && value.TryGetValue<string>(out var text) && Is64BitInteger(type) && decimal.TryParse(text, out var number)
            ? JsonValue.Create(number)
            : cell?.DeepClone();

    private static bool Is64BitInteger(string type) =>
        type.Replace("Nullable(", "", StringComparison.Ordinal).TrimEnd(')') is "Int64" or "UInt64";
}

/// <summary>What one target returned: the expanded SQL, the columns with their ClickHouse types, and the rows.</summary>
public sealed record PanelResult(string RefId, string Sql, IReadOnlyList<PanelColumn> Columns, IReadOnlyList<IReadOnlyList<JsonNode?>> Rows)
{
    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToList();
}

/// <summary>A result column: its name and ClickHouse type (e.g. <c>Nullable(Float64)</c>).</summary>
public sealed record PanelColumn(string Name, string Type);
