namespace Intelligence.Deploy.Tests;

/// <summary>deploy/Dockerfile builds the program the deployments run, as they expect to find it.</summary>
public sealed class ImageTests
{
    private static readonly string[] Lines = File.ReadAllLines(Repository.Dockerfile);

    [Fact]
    public void The_image_runs_the_program_from_where_the_healthchecks_call_it()
    {
        Assert.Contains($"ENTRYPOINT [\"{DeployedCommands.Executable}\"]", Lines);
        Assert.Contains(Lines, l => l.Contains("app/Intelligence.Cli/Intelligence.Cli.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_runs_as_the_non_root_user_the_manifests_name()
    {
        // The .NET images' `app` user is UID 1654; the pods' securityContext runs as the same UID.
        Assert.Contains("USER $APP_UID", Lines);
        var users = K8s().Workloads.Select(w => Yaml.Text(Yaml.At(w.PodSpec, "securityContext", "runAsUser"))).Distinct().ToList();
        Assert.Equal(["1654"], users);
    }

    [Fact]
    public void The_build_context_keeps_the_sources_and_leaves_out_tests_and_build_output()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore"));

        Assert.Contains("tests", ignored);
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        // Needed by the build: sources, central package versions, the analyzers' settings, the dashboards the console copies.
        Assert.DoesNotContain(ignored, l => l is "app" or "ingest" or "processors" or "analytics" or "dashboards" or ".editorconfig" or "*.props");
    }

    private static Manifests K8s() => Manifests.Load(Repository.Kubernetes);
}
