namespace Intelligence.Deploy.Tests;

/// <summary>A command line the deployment runs the program with (the words after the executable), and where.</summary>
public sealed record DeployedCommand(IReadOnlyList<string> Words, string Origin)
{
    public override string ToString() => $"{Origin}: {string.Join(' ', Words)}";
}

/// <summary>
/// Every command line the deployment gives the program: the Compose services' <c>command</c> and
/// healthchecks that run it, and the <c>args</c> of the manifests' containers of the program's image.
/// </summary>
public static class DeployedCommands
{
    /// <summary>Where the image's ENTRYPOINT puts the program (deploy/Dockerfile).</summary>
    public const string Executable = "/app/intelligence";

    public static IReadOnlyList<DeployedCommand> All() =>
        [.. FromCompose(ComposeFile.Load(Repository.ComposeFile)), .. FromManifests(Manifests.Load(Repository.Kubernetes))];

    public static IEnumerable<DeployedCommand> FromCompose(ComposeFile compose)
    {
        var file = Repository.Relative(compose.Path);
        foreach (var service in compose.Services.Values.Where(s => s.RunsTheProgram))
        {
            yield return new DeployedCommand(service.Command, $"{file}: services.{service.Name}.command");
            var test = service.HealthcheckTest;
            if (test.Count >= 2 && test[0] == "CMD" && test[1] == Executable)
            {
                yield return new DeployedCommand(test.Skip(2).ToList(), $"{file}: services.{service.Name}.healthcheck");
            }
        }
    }

    public static IEnumerable<DeployedCommand> FromManifests(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.Containers.Where(Workload.RunsTheProgram))
            {
                var origin = $"{workload.Manifest.Origin}, container {Workload.Name(container)}";
                // `command` would replace the image's entrypoint; only the program itself is allowed there.
                var command = Yaml.List(container.GetValueOrDefault("command")).Select(w => Yaml.Text(w) ?? "").ToList();
                var args = Yaml.List(container.GetValueOrDefault("args")).Select(w => Yaml.Text(w) ?? "");
                yield return command is [] or [Executable]
                    ? new DeployedCommand([.. args], $"{origin} args")
                    : new DeployedCommand([.. command, .. args], $"{origin} command (replaces the entrypoint)");
            }
        }
    }
}
