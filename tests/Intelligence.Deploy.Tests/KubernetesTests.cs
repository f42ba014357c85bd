namespace Intelligence.Deploy.Tests;

/// <summary>The manifests under deploy/k8s: probes, resources, the processors' state, references and secrets.</summary>
public sealed class KubernetesTests
{
    private static readonly Manifests K8s = Manifests.Load(Repository.Kubernetes);

    private static IEnumerable<(Workload Workload, IReadOnlyDictionary<string, object?> Container)> Roles =>
        from workload in K8s.Workloads
        where workload.Manifest.Kind is "Deployment" or "StatefulSet"
        from container in workload.Containers
        select (workload, container);

    [Fact]
    public void The_three_roles_run_as_two_deployments_and_a_stateful_set_and_the_setup_as_jobs()
    {
        Assert.NotNull(K8s.Find("Deployment", "intelligence-ingest"));
        Assert.NotNull(K8s.Find("Deployment", "intelligence-sink"));
        Assert.NotNull(K8s.Find("StatefulSet", "intelligence-process"));
        Assert.NotNull(K8s.Find("Job", "intelligence-topics"));
        Assert.NotNull(K8s.Find("Job", "intelligence-migrate"));
    }

    [Fact]
    public void Every_role_has_liveness_and_readiness_probes_on_healthz()
    {
        var problems = new List<string>();
        foreach (var (workload, container) in Roles)
        {
            var ports = Yaml.List(container.GetValueOrDefault("ports"))
                .ToDictionary(p => Yaml.Text(Yaml.At(p, "name")) ?? "", p => Yaml.Text(Yaml.At(p, "containerPort")));
            foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
            {
                var get = Yaml.At(container, probe, "httpGet");
                var port = Yaml.Text(Yaml.At(get, "port"));
                if (Yaml.Text(Yaml.At(get, "path")) != "/healthz" || (ports.GetValueOrDefault(port ?? "") ?? port) != "9464")
                {
                    problems.Add($"{workload.Manifest.Origin}: {probe} must GET /healthz on port 9464 (Health:Urls)");
                }
            }
        }

        Assert.Equal(3, Roles.Count());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_container_has_cpu_and_memory_requests_and_limits()
    {
        var missing =
            from workload in K8s.Workloads
            from container in workload.Containers
            from bound in new[] { "requests", "limits" }
            from resource in new[] { "cpu", "memory" }
            where Yaml.Text(Yaml.At(container, "resources", bound, resource)) is null
            select $"{workload.Manifest.Origin}: resources.{bound}.{resource}";

        Assert.Empty(missing);
    }

    [Fact]
    public void The_processors_keep_their_state_on_a_claim_per_instance_behind_a_headless_service()
    {
        var process = K8s.Find("StatefulSet", "intelligence-process")!;
        var stateDirectory = Yaml.Text(Yaml.At(K8s.Find("ConfigMap", "intelligence-settings")!.Document,
            "data", "INTELLIGENCE_Kafka__Processing__StateDirectory"))!;
        var claims = Yaml.List(Yaml.At(process.Document, "spec", "volumeClaimTemplates"))
            .Select(c => Yaml.Text(Yaml.At(c, "metadata", "name"))).ToHashSet();
        var mounts = Yaml.List(Yaml.At(Yaml.List(Yaml.At(process.PodSpec, "containers")).Single(), "volumeMounts"));
        var service = K8s.Find("Service", Yaml.Text(Yaml.At(process.Document, "spec", "serviceName")) ?? "");

        Assert.Contains(mounts, m => claims.Contains(Yaml.Text(Yaml.At(m, "name")))
            && stateDirectory.StartsWith(Yaml.Text(Yaml.At(m, "mountPath")) + "/", StringComparison.Ordinal));
        Assert.NotNull(service);
        Assert.Equal("None", Yaml.Text(Yaml.At(service.Document, "spec", "clusterIP")));
    }

    [Fact]
    public void Every_config_map_secret_and_volume_a_container_names_exists()
    {
        var problems = new List<string>();
        foreach (var workload in K8s.Workloads)
        {
            foreach (var volume in Yaml.List(workload.PodSpec.GetValueOrDefault("volumes")))
            {
                Require(Yaml.Text(Yaml.At(volume, "secret", "secretName")), "Secret", null, workload.Manifest.Origin, problems);
                Require(Yaml.Text(Yaml.At(volume, "configMap", "name")), "ConfigMap", null, workload.Manifest.Origin, problems);
            }

            foreach (var container in workload.Containers)
            {
                var origin = $"{workload.Manifest.Origin}, container {Workload.Name(container)}";
                foreach (var source in Yaml.List(container.GetValueOrDefault("envFrom")))
                {
                    Require(Yaml.Text(Yaml.At(source, "configMapRef", "name")), "ConfigMap", null, origin, problems);
                    Require(Yaml.Text(Yaml.At(source, "secretRef", "name")), "Secret", null, origin, problems);
                }

                foreach (var entry in Yaml.List(container.GetValueOrDefault("env")))
                {
                    var reference = Yaml.At(entry, "valueFrom", "secretKeyRef");
                    Require(Yaml.Text(Yaml.At(reference, "name")), "Secret", Yaml.Text(Yaml.At(reference, "key")), origin, problems);
                }

                foreach (var mount in Yaml.List(container.GetValueOrDefault("volumeMounts")))
                {
                    if (!workload.VolumeNames.Contains(Yaml.Text(Yaml.At(mount, "name")) ?? ""))
                    {
                        problems.Add($"{origin}: mounts volume '{Yaml.Text(Yaml.At(mount, "name"))}', which the pod does not have");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_kustomization_applies_every_manifest_but_the_secret_template()
    {
        var kustomization = K8s.OfKind("Kustomization").Single();
        var resources = Yaml.List(kustomization.Document.GetValueOrDefault("resources")).OfType<string>().ToList();
        var manifests = Directory.EnumerateFiles(Repository.Kubernetes, "*.yaml")
            .Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "secret.template.yaml"));

        Assert.Equal(manifests.Order(StringComparer.Ordinal), resources.Order(StringComparer.Ordinal));
        Assert.Contains(Yaml.List(kustomization.Document.GetValueOrDefault("images")), i => Yaml.Text(Yaml.At(i, "name")) == "intelligence");
    }

    [Fact]
    public void No_secret_value_is_checked_in()
    {
        var problems =
            from manifest in K8s.All
            where manifest.Kind == "Secret"
            where !manifest.File.EndsWith(".template.yaml", StringComparison.Ordinal)
                || Yaml.Map(manifest.Document.GetValueOrDefault("stringData")).Values.Any(v => !(Yaml.Text(v) ?? "").Contains("REPLACE_ME", StringComparison.Ordinal))
                || manifest.Document.ContainsKey("data")
            select manifest.Origin;
        var inConfigMaps =
            from map in K8s.OfKind("ConfigMap")
            from key in Yaml.Map(map.Document.GetValueOrDefault("data")).Keys
            where key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || key.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
            select $"{map.Origin}: {key}";

        Assert.Empty(problems);
        Assert.Empty(inConfigMaps);
    }

    private static void Require(string? name, string kind, string? key, string origin, List<string> problems)
    {
        if (name is null)
        {
            return;
        }

        var found = K8s.Find(kind, name);
        if (found is null)
        {
            problems.Add($"{origin}: {kind} '{name}' is in no manifest (secret.template.yaml for Secrets)");
        }
        else if (key is not null && !Yaml.Map(found.Document.GetValueOrDefault("stringData")).ContainsKey(key)
                 && !Yaml.Map(found.Document.GetValueOrDefault("data")).ContainsKey(key))
        {
            problems.Add($"{origin}: {kind} '{name}' has no key '{key}'");
        }
    }
}
