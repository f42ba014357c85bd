using System.Text.RegularExpressions;

namespace Intelligence.Deploy.Tests;

/// <summary>The Compose file agrees with itself, the repository, .env.example and Grafana's provisioning.</summary>
public sealed partial class ComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Repository.ComposeFile);

    [Fact]
    public void Grafana_gets_every_variable_its_provisioning_files_name()
    {
        var grafana = Compose.Services["grafana"].Environment;
        var named = Directory.EnumerateFiles(Repository.GrafanaProvisioning, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(file => Yaml.Documents(file).SelectMany(Yaml.Scalars)
                .SelectMany(text => GrafanaVariable().Matches(text).Select(m => (Name: m.Groups[1].Value, File: Repository.Relative(file)))))
            .ToList();

        Assert.Contains(named, n => n.Name == "CLICKHOUSE_HOST"); // the scan found the datasource's variables
        var missing = named.Where(n => !grafana.ContainsKey(n.Name)).Select(n => $"{n.Name} ({n.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, $"Not set on the grafana service: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Grafana_mounts_the_provisioning_and_the_dashboards_where_the_provider_reads_them()
    {
        var provider = Yaml.Documents(Path.Combine(Repository.GrafanaProvisioning, "dashboards", "intelligence.yaml")).Single();
        var path = Yaml.Text(Yaml.At(Yaml.List(Yaml.At(provider, "providers")).Single(), "options", "path"));
        var mounts = Compose.Services["grafana"].Volumes.ToDictionary(v => v.Target, v => v.Source);

        Assert.Equal("../../dashboards/grafana/provisioning", mounts["/etc/grafana/provisioning"]);
        Assert.Equal("../../dashboards/grafana/dashboards", mounts[path!]);
    }

    [Fact]
    public void Every_mounted_path_and_build_file_exists_and_every_named_volume_is_declared()
    {
        var problems = new List<string>();
        foreach (var service in Compose.Services.Values)
        {
            foreach (var (source, target) in service.Volumes.Where(v => v.Source is not null))
            {
                if (source!.StartsWith('.') || source.StartsWith('/'))
                {
                    var full = Path.GetFullPath(Path.Combine(Repository.ComposeFolder, source));
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        problems.Add($"{service.Name}: {source} (for {target}) does not exist");
                    }
                }
                else if (!Compose.NamedVolumes.Contains(source))
                {
                    problems.Add($"{service.Name}: volume '{source}' is not declared under volumes:");
                }
            }

            if (Yaml.At(service.Definition, "build", "context") is string context)
            {
                var folder = Path.GetFullPath(Path.Combine(Repository.ComposeFolder, context));
                var dockerfile = Yaml.Text(Yaml.At(service.Definition, "build", "dockerfile")) ?? "Dockerfile";
                if (!File.Exists(Path.Combine(folder, dockerfile)))
                {
                    problems.Add($"{service.Name}: build file {dockerfile} is not in {context}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_dependency_names_a_service_that_can_meet_its_condition()
    {
        var problems = new List<string>();
        foreach (var (service, (name, condition)) in Compose.Services.Values.SelectMany(s => s.DependsOn.Select(d => (s, (d.Key, d.Value)))))
        {
            if (!Compose.Services.TryGetValue(name, out var target))
            {
                problems.Add($"{service.Name} depends on '{name}', which is not a service");
            }
            else if (condition == "service_healthy" && target.HealthcheckTest.Count == 0)
            {
                problems.Add($"{service.Name} waits for '{name}' to be healthy, which has no healthcheck");
            }
            else if (condition == "service_completed_successfully" && !target.IsOneShot)
            {
                problems.Add($"{service.Name} waits for '{name}' to complete, which is restarted (restart is not \"no\")");
            }
            else if (condition is not ("service_started" or "service_healthy" or "service_completed_successfully"))
            {
                problems.Add($"{service.Name}: '{condition}' is not a depends_on condition");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_long_running_service_has_a_healthcheck_and_every_role_is_there()
    {
        var withoutCheck = Compose.Services.Values.Where(s => !s.IsOneShot && s.HealthcheckTest.Count == 0).Select(s => s.Name).ToList();

        Assert.True(withoutCheck.Count == 0, $"No healthcheck: {string.Join(", ", withoutCheck)}");
        Assert.Equal(
            ["clickhouse", "grafana", "ingest", "kafka", "migrate", "process", "simulator", "sink", "topics"],
            Compose.Services.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_variable_the_compose_file_interpolates_is_documented_in_env_example()
    {
        var documented = EnvFile.Names(Repository.EnvExample).ToHashSet(StringComparer.Ordinal);
        var used = Interpolation().Matches(File.ReadAllText(Repository.ComposeFile)).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(used);
        var missing = used.Where(v => !documented.Contains(v)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Interpolated but not in .env.example: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Secrets_come_from_the_env_file_never_from_the_compose_file()
    {
        var inline = Compose.Services.Values
            .SelectMany(s => s.Environment.Select(e => (Service: s.Name, e.Key, e.Value)))
            .Where(e => SecretName().IsMatch(e.Key) && !RequiredOrEmpty().IsMatch(e.Value))
            .Select(e => $"{e.Service}: {e.Key}")
            .ToList();

        Assert.True(inline.Count == 0,
            $"Secret values must be ${{NAME:?...}} (required from .env) or empty by default: {string.Join(", ", inline)}");
    }

    // $VAR or ${VAR} in upper case: what Grafana replaces from its environment. {{ $labels.x }} is left alone.
    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]*)\}?")]
    private static partial Regex GrafanaVariable();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();

    [GeneratedRegex("PASSWORD|TOKEN|SECRET")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(:\?[^}]*|:-)?\}$")]
    private static partial Regex RequiredOrEmpty();
}
