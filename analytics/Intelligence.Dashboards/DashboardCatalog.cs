using System.Text.Json;

namespace Intelligence.Dashboards;

/// <summary>Reads the Grafana dashboard JSON files of a folder (the files Grafana's file provider loads).</summary>
public static class DashboardCatalog
{
    /// <summary>Every <c>*.json</c> dashboard in <paramref name="folder"/>, ordered by file name.</summary>
    /// <exception cref="DashboardFormatException">A file is not a dashboard this library can read.</exception>
    public static IReadOnlyList<Dashboard> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No dashboard folder at '{folder}'.");
        }

        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
    }

    /// <summary>Reads one dashboard file.</summary>
    public static Dashboard LoadFile(string path)
    {
        using var document = ParseFile(path);
        try
        {
            return Read(document.RootElement, path);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DashboardFormatException($"{path}: {ex.Message}", ex);
        }
    }

    private static JsonDocument ParseFile(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new DashboardFormatException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static Dashboard Read(JsonElement root, string path)
    {
        var time = root.TryGetProperty("time", out var t) ? t : default;
        return new Dashboard(
            Uid: Required(root, "uid"),
            Title: Required(root, "title"),
            File: path,
            DefaultFrom: time.ValueKind == JsonValueKind.Object ? Required(time, "from") : "now-6h",
            DefaultTo: time.ValueKind == JsonValueKind.Object ? Required(time, "to") : "now",
            Refresh: Optional(root, "refresh"),
            Variables: ReadVariables(root),
            Panels: Items(root, "panels").Select(ReadPanel).ToList());
    }

    private static List<TemplateVariable> ReadVariables(JsonElement root)
    {
        if (!root.TryGetProperty("templating", out var templating))
        {
            return [];
        }

        return Items(templating, "list")
            .Where(v => Optional(v, "type") == "query")
            .Select(v => new TemplateVariable(
                Required(v, "name"),
                Optional(v, "label"),
                VariableQuery(v),
                Flag(v, "includeAll"),
                Flag(v, "multi"),
                ReadDatasource(v)))
            .ToList();
    }

    // Grafana stores a query variable's SQL either as a string or, for newer plugins, as an object with rawSql.
    private static string VariableQuery(JsonElement variable) =>
        variable.GetProperty("query") is { ValueKind: JsonValueKind.Object } query
            ? Required(query, "rawSql")
            : variable.GetProperty("query").GetString() ?? "";

    private static Panel ReadPanel(JsonElement panel)
    {
        var grid = panel.GetProperty("gridPos");
        return new Panel(
            Id: panel.GetProperty("id").GetInt32(),
            Title: Optional(panel, "title") ?? "",
            Type: Required(panel, "type"),
            GridPos: new GridPos(grid.GetProperty("x").GetInt32(), grid.GetProperty("y").GetInt32(),
                grid.GetProperty("w").GetInt32(), grid.GetProperty("h").GetInt32()),
            Datasource: ReadDatasource(panel),
            Targets: Items(panel, "targets").Select(ReadTarget).ToList());
    }

    private static PanelTarget ReadTarget(JsonElement target) => new(
        RefId: Required(target, "refId"),
        RawSql: Required(target, "rawSql"),
        Format: target.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : 1,
        QueryType: Optional(target, "queryType"),
        Datasource: ReadDatasource(target),
        ExpectedColumns: Items(target, "expectedColumns").Select(c => c.GetString() ?? "").ToList());

    private static DatasourceRef? ReadDatasource(JsonElement element) =>
        element.TryGetProperty("datasource", out var ds) && ds.ValueKind == JsonValueKind.Object
            ? new DatasourceRef(Optional(ds, "type"), Optional(ds, "uid"))
            : null;

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static string Required(JsonElement element, string name) =>
        Optional(element, name) ?? throw new FormatException($"missing string property '{name}'");

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
