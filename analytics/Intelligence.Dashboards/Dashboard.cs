namespace Intelligence.Dashboards;

/// <summary>One provisioned Grafana dashboard: what a role sees, as the panels' SQL and layout.</summary>
/// <param name="Uid">The stable uid Grafana and the console address it by (e.g. <c>intelligence-planner</c>).</param>
/// <param name="File">The JSON file it was read from.</param>
/// <param name="DefaultFrom">The time picker's default start, as Grafana writes it (e.g. <c>now-30d</c>).</param>
/// <param name="DefaultTo">The time picker's default end (e.g. <c>now</c>).</param>
public sealed record Dashboard(
    string Uid,
    string Title,
    string File,
    string DefaultFrom,
    string DefaultTo,
    string? Refresh,
    IReadOnlyList<TemplateVariable> Variables,
    IReadOnlyList<Panel> Panels);

/// <summary>
/// A query template variable (<c>type: query</c>): its options come from <see cref="Query"/>, whose
/// first column holds the values.
/// </summary>
public sealed record TemplateVariable(string Name, string? Label, string Query, bool IncludeAll, bool Multi, DatasourceRef? Datasource);

/// <summary>A panel: where it sits on the 24-column grid, how it draws and what it asks.</summary>
public sealed record Panel(int Id, string Title, string Type, GridPos GridPos, DatasourceRef? Datasource, IReadOnlyList<PanelTarget> Targets);

/// <summary>A panel's place on Grafana's grid: 24 columns wide, heights in rows of 30 px.</summary>
public sealed record GridPos(int X, int Y, int W, int H)
{
    public const int Columns = 24;

    public bool Overlaps(GridPos other) =>
        X < other.X + other.W && other.X < X + W && Y < other.Y + other.H && other.Y < Y + H;
}

/// <summary>
/// One query of a panel. <paramref name="ExpectedColumns"/> is the contract with the panel's
/// visualisation: the column names, in order, the SQL must return. It lives in the target JSON as
/// <c>expectedColumns</c>, a property the ClickHouse plugin ignores.
/// </summary>
/// <param name="Format">The plugin's result format: 0 time series, 1 table.</param>
public sealed record PanelTarget(string RefId, string RawSql, int Format, string? QueryType, DatasourceRef? Datasource, IReadOnlyList<string> ExpectedColumns);

/// <summary>A datasource reference as Grafana writes it: <c>{ "type": ..., "uid": ... }</c>.</summary>
public sealed record DatasourceRef(string? Type, string? Uid);
