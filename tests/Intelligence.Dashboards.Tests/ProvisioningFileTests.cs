using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Intelligence.Dashboards.Tests;

public sealed class ProvisioningFileTests
{
    private static readonly string[] RoleUids =
    [
        "intelligence-executive", "intelligence-planner", "intelligence-warehouse",
        "intelligence-merchandising", "intelligence-finance", "intelligence-data-quality",
    ];

    public static TheoryData<string> YamlFiles() =>
        new(Directory.EnumerateFiles(Provisioning.ProvisioningFolder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Provisioning.Root, f)));

    public static TheoryData<string> JsonFiles() =>
        new(Directory.EnumerateFiles(Provisioning.DashboardFolder, "*.json").Select(f => Path.GetRelativePath(Provisioning.Root, f)));

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_provisioning_yaml_file_parses_with_api_version_1(string file)
    {
        var root = LoadYaml(file);

        Assert.Equal("1", Scalar(root, "apiVersion"));
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void Every_dashboard_file_is_a_json_dashboard_of_a_current_schema(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Provisioning.Root, file)));
        var root = document.RootElement;

        Assert.True(root.GetProperty("schemaVersion").GetInt32() >= 39);
        Assert.False(root.GetProperty("editable").GetBoolean());
        Assert.False(root.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null, "a provisioned dashboard must not carry a database id");
    }

    [Fact]
    public void There_is_one_dashboard_per_role_with_its_stable_uid()
    {
        Assert.Equal(RoleUids.Order(), Provisioning.Dashboards.Select(d => d.Uid).Order());
    }

    [Fact]
    public void Dashboard_uids_and_titles_are_unique()
    {
        Assert.Equal(Provisioning.Dashboards.Count, Provisioning.Dashboards.Select(d => d.Uid).Distinct().Count());
        Assert.Equal(Provisioning.Dashboards.Count, Provisioning.Dashboards.Select(d => d.Title).Distinct().Count());
    }

    [Fact]
    public void The_datasource_is_the_clickhouse_plugin_with_its_connection_and_password_from_the_environment()
    {
        var datasource = Assert.Single(Datasources());

        Assert.Equal("clickhouse", Scalar(datasource, "uid"));
        Assert.Equal("grafana-clickhouse-datasource", Scalar(datasource, "type"));
        var json = (YamlMappingNode)datasource.Children[new YamlScalarNode("jsonData")];
        foreach (var key in new[] { "host", "port", "protocol", "username", "defaultDatabase" })
        {
            Assert.StartsWith("$", Scalar(json, key), StringComparison.Ordinal);
        }

        var secure = (YamlMappingNode)datasource.Children[new YamlScalarNode("secureJsonData")];
        Assert.StartsWith("$", Scalar(secure, "password"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_provider_loads_files_into_the_intelligence_folder_and_refuses_ui_edits()
    {
        var root = LoadYaml(Path.Combine("dashboards", "grafana", "provisioning", "dashboards", "intelligence.yaml"));
        var provider = (YamlMappingNode)Assert.Single((YamlSequenceNode)root.Children[new YamlScalarNode("providers")]);

        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal("Intelligence", Scalar(provider, "folder"));
        Assert.Equal("false", Scalar(provider, "allowUiUpdates"));
        var options = (YamlMappingNode)provider.Children[new YamlScalarNode("options")];
        Assert.False(string.IsNullOrWhiteSpace(Scalar(options, "path")));
    }

    [Fact]
    public void Every_datasource_a_panel_target_or_variable_names_is_provisioned()
    {
        var provisioned = Datasources().Select(d => ((string?)Scalar(d, "type"), (string?)Scalar(d, "uid"))).ToHashSet();
        var used = Provisioning.Dashboards.SelectMany(d =>
            d.Variables.Select(v => (Where: $"{d.Uid} variable {v.Name}", v.Datasource))
                .Concat(d.Panels.Select(p => (Where: $"{d.Uid} panel {p.Title}", p.Datasource)))
                .Concat(d.Panels.SelectMany(p => p.Targets.Select(t => (Where: $"{d.Uid} panel {p.Title} target {t.RefId}", t.Datasource)))));

        Assert.All(used, u =>
        {
            Assert.True(u.Datasource is not null, $"{u.Where} names no datasource");
            Assert.Contains((u.Datasource!.Type, u.Datasource.Uid), provisioned);
        });
    }

    private static IEnumerable<YamlMappingNode> Datasources() =>
        Directory.EnumerateFiles(Path.Combine(Provisioning.ProvisioningFolder, "datasources"), "*.yaml")
            .SelectMany(f => (YamlSequenceNode)LoadYaml(f).Children[new YamlScalarNode("datasources")])
            .Cast<YamlMappingNode>();

    private static YamlMappingNode LoadYaml(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Provisioning.Root, file));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";
}
