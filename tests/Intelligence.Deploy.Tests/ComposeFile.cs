namespace Intelligence.Deploy.Tests;

/// <summary>deploy/compose/docker-compose.yml, read as Compose reads it (merge keys applied).</summary>
public sealed class ComposeFile
{
    private ComposeFile(string path, IReadOnlyDictionary<string, object?> root)
    {
        Path = path;
        Root = root;
        Services = Yaml.Map(root.GetValueOrDefault("services"))
            .ToDictionary(s => s.Key, s => new ComposeService(s.Key, Yaml.Map(s.Value)), StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, object?> Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public IReadOnlySet<string> NamedVolumes => Yaml.Map(Root.GetValueOrDefault("volumes")).Keys.ToHashSet(StringComparer.Ordinal);

    public static ComposeFile Load(string path) => new(path, Yaml.Map(Yaml.Documents(path).Single()));
}

/// <summary>One service of the Compose file.</summary>
public sealed class ComposeService(string name, IReadOnlyDictionary<string, object?> definition)
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<string, object?> Definition { get; } = definition;

    public string Image => Yaml.Text(Definition.GetValueOrDefault("image")) ?? "";

    /// <summary>Runs the program's image (built from the repository).</summary>
    public bool RunsTheProgram => Image.StartsWith("intelligence:", StringComparison.Ordinal);

    /// <summary>Exits after its work: Compose must not restart it, and dependants wait for it to complete.</summary>
    public bool IsOneShot => Yaml.Text(Definition.GetValueOrDefault("restart")) == "no";

    /// <summary>The environment as name and value; Compose takes a mapping or a list of NAME=value.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var node = Definition.GetValueOrDefault("environment");
            if (node is IReadOnlyList<object?> list)
            {
                return list.OfType<string>().Select(e => e.Split('=', 2))
                    .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
            }

            return Yaml.Map(node).ToDictionary(e => e.Key, e => Yaml.Text(e.Value) ?? "", StringComparer.Ordinal);
        }
    }

    /// <summary>The command's words; a string command is split on blanks, as Compose does without a shell.</summary>
    public IReadOnlyList<string> Command => Definition.GetValueOrDefault("command") switch
    {
        string text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        IReadOnlyList<object?> words => words.Select(w => Yaml.Text(w) ?? "").ToList(),
        _ => [],
    };

    public IReadOnlyList<string> HealthcheckTest => Yaml.At(Definition, "healthcheck", "test") switch
    {
        string text => ["CMD-SHELL", text],
        IReadOnlyList<object?> words => words.Select(w => Yaml.Text(w) ?? "").ToList(),
        _ => [],
    };

    /// <summary>Services this one waits for, with the condition (service_started when a list is given).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => Definition.GetValueOrDefault("depends_on") switch
    {
        IReadOnlyList<object?> names => names.OfType<string>().ToDictionary(n => n, _ => "service_started", StringComparer.Ordinal),
        var map => Yaml.Map(map).ToDictionary(
            d => d.Key, d => Yaml.Text(Yaml.At(d.Value, "condition")) ?? "service_started", StringComparer.Ordinal),
    };

    /// <summary>Volume entries as (source, target); short syntax <c>source:target[:mode]</c> or the long form.</summary>
    public IEnumerable<(string? Source, string Target)> Volumes =>
        Yaml.List(Definition.GetValueOrDefault("volumes")).Select(v => v switch
        {
            string text when text.Split(':') is [var target] => ((string?)null, target),
            string text when text.Split(':') is [var source, var target, ..] => (source, target),
            var map => (Yaml.Text(Yaml.At(map, "source")), Yaml.Text(Yaml.At(map, "target")) ?? ""),
        });
}
