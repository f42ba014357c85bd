namespace Intelligence.Deploy.Tests;

/// <summary>Paths of the files under test, found from the repository root.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string ComposeFolder => Path.Combine(Deploy, "compose");

    public static string ComposeFile => Path.Combine(ComposeFolder, "docker-compose.yml");

    public static string EnvExample => Path.Combine(ComposeFolder, ".env.example");

    public static string Kubernetes => Path.Combine(Deploy, "k8s");

    public static string Dockerfile => Path.Combine(Deploy, "Dockerfile");

    public static string GrafanaProvisioning => Path.Combine(Root, "dashboards", "grafana", "provisioning");

    /// <summary>A path as the failure messages show it: relative to the repository root.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

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
