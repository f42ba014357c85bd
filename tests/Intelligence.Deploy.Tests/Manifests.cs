namespace Intelligence.Deploy.Tests;

/// <summary>Every document of every YAML file under deploy/k8s, the Secret template and kustomization included.</summary>
public sealed class Manifests
{
    private Manifests(IReadOnlyList<Manifest> all) => All = all;

    public IReadOnlyList<Manifest> All { get; }

    public IEnumerable<Manifest> OfKind(string kind) => All.Where(m => m.Kind == kind);

    public Manifest? Find(string kind, string name) => All.FirstOrDefault(m => m.Kind == kind && m.Name == name);

    /// <summary>The workloads' pod templates and their containers.</summary>
    public IEnumerable<Workload> Workloads => All.Select(m => m.PodSpec is null ? null : new Workload(m, m.PodSpec)).OfType<Workload>();

    public static Manifests Load(string folder) => new(
        Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(file => Yaml.Documents(file).Where(d => d is not null).Select(d => new Manifest(file, Yaml.Map(d))))
            .ToList());
}

/// <summary>One Kubernetes object (or the kustomization) and the file it is in.</summary>
public sealed class Manifest(string file, IReadOnlyDictionary<string, object?> document)
{
    public string File { get; } = file;

    public IReadOnlyDictionary<string, object?> Document { get; } = document;

    public string Kind => Yaml.Text(Document.GetValueOrDefault("kind")) ?? "";

    public string Name => Yaml.Text(Yaml.At(Document, "metadata", "name")) ?? "";

    public string Origin => $"{Repository.Relative(File)}: {Kind} {Name}";

    /// <summary>The pod spec a workload runs, or null for objects that run nothing.</summary>
    public IReadOnlyDictionary<string, object?>? PodSpec => Kind switch
    {
        "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicaSet" => Yaml.Map(Yaml.At(Document, "spec", "template", "spec")),
        "CronJob" => Yaml.Map(Yaml.At(Document, "spec", "jobTemplate", "spec", "template", "spec")),
        "Pod" => Yaml.Map(Document.GetValueOrDefault("spec")),
        _ => null,
    };
}

/// <summary>A workload's pod spec.</summary>
public sealed class Workload(Manifest manifest, IReadOnlyDictionary<string, object?> podSpec)
{
    public Manifest Manifest { get; } = manifest;

    public IReadOnlyDictionary<string, object?> PodSpec { get; } = podSpec;

    public IEnumerable<IReadOnlyDictionary<string, object?>> Containers =>
        Yaml.List(PodSpec.GetValueOrDefault("containers")).Concat(Yaml.List(PodSpec.GetValueOrDefault("initContainers"))).Select(Yaml.Map);

    public IReadOnlySet<string> VolumeNames =>
        Yaml.List(PodSpec.GetValueOrDefault("volumes"))
            .Concat(Yaml.List(Yaml.At(Manifest.Document, "spec", "volumeClaimTemplates")))
            .Select(v => Yaml.Text(Yaml.At(v, "name")) ?? Yaml.Text(Yaml.At(v, "metadata", "name")) ?? "")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Runs the program's image (the kustomization's <c>images</c> entry renames it).</summary>
    public static bool RunsTheProgram(IReadOnlyDictionary<string, object?> container) =>
        (Yaml.Text(container.GetValueOrDefault("image")) ?? "").Split(':')[0] == "intelligence";

    public static string Name(IReadOnlyDictionary<string, object?> container) => Yaml.Text(container.GetValueOrDefault("name")) ?? "";
}
