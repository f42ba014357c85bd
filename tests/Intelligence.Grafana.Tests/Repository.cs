namespace Intelligence.Grafana.Tests;

/// <summary>Paths of the files under test, found from the repository root.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Provisioning => Path.Combine(Root, "dashboards", "grafana", "provisioning");

    public static string Alerting => Path.Combine(Provisioning, "alerting");

    public static string Datasources => Path.Combine(Provisioning, "datasources");

    public static string ClickHouseUsers => Path.Combine(Root, "deploy", "clickhouse", "users.d");

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Intelligence.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
