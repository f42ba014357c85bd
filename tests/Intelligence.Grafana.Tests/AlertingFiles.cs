using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Intelligence.Grafana.Tests;

// The shapes of Grafana's alerting provisioning files (apiVersion 1), as far as the tests read them.
// Unknown keys are errors, so a misspelt field fails here rather than being ignored by Grafana.
#pragma warning disable CA1812 // instantiated by YamlDotNet

public sealed class RuleFile
{
    public int ApiVersion { get; set; }
    public List<RuleGroup> Groups { get; set; } = [];
}

public sealed class RuleGroup
{
    public int OrgId { get; set; }
    public string Name { get; set; } = "";
    public string Folder { get; set; } = "";
    public string Interval { get; set; } = "";
    public List<Rule> Rules { get; set; } = [];
}

public sealed class Rule
{
    public string Uid { get; set; } = "";
    public string Title { get; set; } = "";
    public string Condition { get; set; } = "";
    public List<RuleQuery> Data { get; set; } = [];
    public string NoDataState { get; set; } = "";
    public string ExecErrState { get; set; } = "";
    [YamlMember(Alias = "for", ApplyNamingConventions = false)]
    public string For { get; set; } = "";
    public Dictionary<string, string> Labels { get; set; } = [];
    public Dictionary<string, string> Annotations { get; set; } = [];
    public bool IsPaused { get; set; }

    public RuleQuery Query(string refId) => Data.Single(d => d.RefId == refId);
}

public sealed class RuleQuery
{
    public string RefId { get; set; } = "";
    public Dictionary<string, int> RelativeTimeRange { get; set; } = [];
    public string DatasourceUid { get; set; } = "";
    public Dictionary<string, object> Model { get; set; } = [];

    public string? ModelText(string key) => Model.TryGetValue(key, out var value) ? value as string : null;
}

public sealed class ContactPointFile
{
    public int ApiVersion { get; set; }
    public List<ContactPoint> ContactPoints { get; set; } = [];
}

public sealed class ContactPoint
{
    public int OrgId { get; set; }
    public string Name { get; set; } = "";
    public List<Receiver> Receivers { get; set; } = [];
}

public sealed class Receiver
{
    public string Uid { get; set; } = "";
    public string Type { get; set; } = "";
    public Dictionary<string, string> Settings { get; set; } = [];
    public bool DisableResolveMessage { get; set; }
}

public sealed class PolicyFile
{
    public int ApiVersion { get; set; }
    public List<Policy> Policies { get; set; } = [];
}

public sealed class Policy
{
    public int OrgId { get; set; }
    public string Receiver { get; set; } = "";
    [YamlMember(Alias = "group_by", ApplyNamingConventions = false)]
    public List<string> GroupBy { get; set; } = [];
    [YamlMember(Alias = "group_wait", ApplyNamingConventions = false)]
    public string? GroupWait { get; set; }
    [YamlMember(Alias = "group_interval", ApplyNamingConventions = false)]
    public string? GroupInterval { get; set; }
    [YamlMember(Alias = "repeat_interval", ApplyNamingConventions = false)]
    public string? RepeatInterval { get; set; }
    [YamlMember(Alias = "object_matchers", ApplyNamingConventions = false)]
    public List<List<string>> ObjectMatchers { get; set; } = [];
    public bool Continue { get; set; }
    public List<Policy> Routes { get; set; } = [];

    public IEnumerable<Policy> SelfAndDescendants() => Routes.SelectMany(r => r.SelfAndDescendants()).Prepend(this);
}

#pragma warning restore CA1812

/// <summary>Reads the files under dashboards/grafana/provisioning/alerting/.</summary>
public static class AlertingFiles
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static RuleFile Rules() => Read<RuleFile>("rules.yaml");

    public static ContactPointFile ContactPoints() => Read<ContactPointFile>("contact-points.yaml");

    public static PolicyFile Policies() => Read<PolicyFile>("policies.yaml");

    public static IEnumerable<Rule> AllRules() => Rules().Groups.SelectMany(g => g.Rules);

    public static T Read<T>(string file) => Yaml.Deserialize<T>(File.ReadAllText(Path.Combine(Repository.Alerting, file)));
}
