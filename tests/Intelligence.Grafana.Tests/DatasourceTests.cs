using YamlDotNet.Serialization;

namespace Intelligence.Grafana.Tests;

/// <summary>The datasource every alert rule names is provisioned.</summary>
public sealed class DatasourceTests
{
    [SkippableFact]
    public void A_clickhouse_datasource_with_uid_clickhouse_is_provisioned()
    {
        Skip.IfNot(Directory.Exists(Repository.Datasources),
            "dashboards/grafana/provisioning/datasources/ is not in this branch yet (the dashboards work provisions it)");

        var yaml = new DeserializerBuilder().Build();
        var datasources = Directory.GetFiles(Repository.Datasources, "*.y*ml")
            .Select(f => yaml.Deserialize<Dictionary<string, object>>(File.ReadAllText(f)))
            .Where(d => d.ContainsKey("datasources"))
            .SelectMany(d => ((List<object>)d["datasources"]).Cast<Dictionary<object, object>>())
            .ToList();
        Assert.Contains(datasources, d =>
            Equals(d.GetValueOrDefault("uid"), "clickhouse") && Equals(d.GetValueOrDefault("type"), "grafana-clickhouse-datasource"));
    }
}
