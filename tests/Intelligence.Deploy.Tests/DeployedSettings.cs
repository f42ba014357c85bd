using Intelligence.Cli;

namespace Intelligence.Deploy.Tests;

/// <summary>An environment variable the deployment sets, and where.</summary>
public sealed record DeployedVariable(string Name, string Origin);

/// <summary>
/// Every <c>INTELLIGENCE_*</c> variable the deployment sets: the Compose services' environment, the
/// .env.example file, ConfigMap keys (the roles take them with envFrom), Secrets taken with envFrom, and
/// each container's <c>env</c>.
/// </summary>
public static class DeployedSettings
{
    public static IReadOnlyList<DeployedVariable> All() =>
        [.. FromCompose(ComposeFile.Load(Repository.ComposeFile)),
         .. FromEnvFile(Repository.EnvExample),
         .. FromManifests(Manifests.Load(Repository.Kubernetes))];

    public static IEnumerable<DeployedVariable> FromCompose(ComposeFile compose) =>
        from service in compose.Services.Values
        from name in service.Environment.Keys
        where IsOurs(name)
        select new DeployedVariable(name, $"{Repository.Relative(compose.Path)}: services.{service.Name}.environment");

    public static IEnumerable<DeployedVariable> FromEnvFile(string path) =>
        EnvFile.Names(path).Where(IsOurs).Select(name => new DeployedVariable(name, Repository.Relative(path)));

    public static IEnumerable<DeployedVariable> FromManifests(Manifests manifests)
    {
        foreach (var map in manifests.OfKind("ConfigMap"))
        {
            foreach (var name in Yaml.Map(map.Document.GetValueOrDefault("data")).Keys.Where(IsOurs))
            {
                yield return new DeployedVariable(name, $"{map.Origin} data");
            }
        }

        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.Containers)
            {
                var origin = $"{workload.Manifest.Origin}, container {Workload.Name(container)}";
                foreach (var entry in Yaml.List(container.GetValueOrDefault("env")))
                {
                    if (Yaml.Text(Yaml.At(entry, "name")) is { } name && IsOurs(name))
                    {
                        yield return new DeployedVariable(name, $"{origin} env");
                    }
                }

                // A Secret taken whole with envFrom turns each of its keys into a variable.
                foreach (var source in Yaml.List(container.GetValueOrDefault("envFrom")))
                {
                    if (Yaml.Text(Yaml.At(source, "secretRef", "name")) is { } secretName
                        && manifests.Find("Secret", secretName) is { } secret)
                    {
                        var keys = Yaml.Map(secret.Document.GetValueOrDefault("stringData")).Keys
                            .Concat(Yaml.Map(secret.Document.GetValueOrDefault("data")).Keys);
                        foreach (var name in keys.Where(IsOurs))
                        {
                            yield return new DeployedVariable(name, $"{secret.Origin} (envFrom in {origin})");
                        }
                    }
                }
            }
        }
    }

    private static bool IsOurs(string name) => name.StartsWith(SettingsCatalog.EnvironmentPrefix, StringComparison.Ordinal);
}
