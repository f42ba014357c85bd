using Intelligence.Dashboards;

namespace Intelligence.Dashboards.Tests;

/// <summary>Where the provisioning files live in the repository, and the dashboards read from them.</summary>
public static class Provisioning
{
    public static readonly string Root = FindRoot();

    public static string GrafanaFolder => Path.Combine(Root, "dashboards", "grafana");

    public static string DashboardFolder => Path.Combine(GrafanaFolder, "dashboards");

    public static string ProvisioningFolder => Path.Combine(GrafanaFolder, "provisioning");

    public static IReadOnlyList<Dashboard> Dashboards { get; } = DashboardCatalog.Load(DashboardFolder);

    public static Dashboard Get(string uid) => Dashboards.Single(d => d.Uid == uid);

    public static IEnumerable<(Dashboard Dashboard, Panel Panel)> AllPanels =>
        Dashboards.SelectMany(d => d.Panels.Select(p => (d, p)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Intelligence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Intelligence.sln above {AppContext.BaseDirectory}.");
    }
}
