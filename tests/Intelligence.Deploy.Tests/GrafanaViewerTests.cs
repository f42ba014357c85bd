namespace Intelligence.Deploy.Tests;

/// <summary>Grafana's viewers read and cannot edit: the server's settings and the provisioned dashboards and datasource say so.</summary>
public sealed class GrafanaViewerTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Repository.ComposeFile);

    [Fact]
    public void Viewers_cannot_edit_sign_up_or_become_more_than_viewers()
    {
        var grafana = Compose.Services["grafana"].Environment;

        Assert.Equal("false", grafana["GF_USERS_VIEWERS_CAN_EDIT"]);
        Assert.Equal("false", grafana["GF_USERS_ALLOW_SIGN_UP"]);
        Assert.Equal("false", grafana["GF_USERS_EDITORS_CAN_ADMIN"]);
        Assert.Equal("Viewer", grafana["GF_USERS_AUTO_ASSIGN_ORG_ROLE"]);
        Assert.Equal("Viewer", grafana["GF_AUTH_ANONYMOUS_ORG_ROLE"]);
        Assert.Equal("${GRAFANA_ANONYMOUS_VIEWERS:-false}", grafana["GF_AUTH_ANONYMOUS_ENABLED"]);
    }

    [Fact]
    public void Provisioned_dashboards_and_the_datasource_cannot_be_changed_in_the_ui()
    {
        var provider = Yaml.List(Yaml.At(Yaml.Documents(Path.Combine(Repository.GrafanaProvisioning, "dashboards", "intelligence.yaml")).Single(), "providers")).Single();
        var datasource = Yaml.List(Yaml.At(Yaml.Documents(Path.Combine(Repository.GrafanaProvisioning, "datasources", "clickhouse.yaml")).Single(), "datasources")).Single();

        Assert.Equal("false", Yaml.Text(Yaml.At(provider, "allowUiUpdates")));
        Assert.Equal("false", Yaml.Text(Yaml.At(datasource, "editable")));
    }
}
