namespace Intelligence.Console;

/// <summary>Where the console listens, which database it reads and where the dashboard files are.</summary>
public sealed record ConsoleOptions
{
    /// <summary>Loopback by default: the console has no login, so expose it only deliberately.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5090";

    /// <summary>The pipeline's database, which the panels' SQL reads without naming it.</summary>
    public string Database { get; init; } = "intelligence";

    /// <summary>The Grafana dashboard JSON files; by default the copies beside the program.</summary>
    public string DashboardFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "dashboards");
}
