namespace Intelligence.Deploy.Tests;

/// <summary>Every setting the Compose file and the manifests pass is one the program reads.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void Every_INTELLIGENCE_variable_of_the_deployment_is_a_setting_the_program_reads()
    {
        var deployed = DeployedSettings.All();

        // Guard against passing vacuously: both deployments set variables and the reader found them.
        Assert.Contains(deployed, v => v.Origin.StartsWith("deploy/compose/", StringComparison.Ordinal));
        Assert.Contains(deployed, v => v.Origin.StartsWith("deploy/k8s/", StringComparison.Ordinal));
        var problems = CheckReport.Problems(deployed.Select(v => (SettingResolver.Resolve(v.Name), v.Origin)), "variables");
        Assert.True(problems is null, problems);
    }

    [Theory]
    [InlineData("INTELLIGENCE_Kafka__BootstrapServers")]
    [InlineData("INTELLIGENCE_kafka__processing__statedirectory")]
    [InlineData("INTELLIGENCE_Ingest__Http__ApiKeys__0__KeySha256")]
    [InlineData("INTELLIGENCE_Ingest__MaxEventBytes")]
    [InlineData("INTELLIGENCE_Ingest__DuplicateWindow")]
    [InlineData("INTELLIGENCE_Processors__Exceptions__Slas__payment_hold")]
    [InlineData("INTELLIGENCE_Alerting__Routes__1__Teams__0")]
    [InlineData("INTELLIGENCE_Pipeline__Database")]
    [InlineData("INTELLIGENCE_Serilog__MinimumLevel__Override__Microsoft")]
    [InlineData("INTELLIGENCE_KAFKA_SASL_PASSWORD")]
    [InlineData("INTELLIGENCE_CLICKHOUSE_PASSWORD")]
    public void A_setting_the_program_reads_resolves(string variable) =>
        Assert.Equal(CheckStatus.Known, SettingResolver.Resolve(variable).Status);

    [Theory]
    [InlineData("INTELLIGENCE_Kafka__BootstrapServer", "no settable 'BootstrapServer'")]
    [InlineData("INTELLIGENCE_Ingest__Http__ApiKeys__first__Source", "must be an element index")]
    [InlineData("INTELLIGENCE_Alerting__ActiveRoutes", "no settable 'ActiveRoutes'")]
    [InlineData("INTELLIGENCE_Ingest__Http", "is a section")]
    [InlineData("INTELLIGENCE_Sink__MaxBatchRows__Extra", "is a value")]
    [InlineData("INTELLIGENCE_Processing__Threads", "no section of 'Processing:Threads' is bound")]
    [InlineData("INTELLIGENCE_Kafka_Processing__Threads", "no section")]
    [InlineData("INTELLIGENCE_Kafka____Processing", "empty part")]
    [InlineData("INTELLIGENCE_CLICKHOUSE_PASWORD", "no section")]
    public void A_setting_the_program_does_not_read_is_reported_with_the_reason(string variable, string reason)
    {
        var result = SettingResolver.Resolve(variable);

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Contains(reason, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_key_in_a_compose_file_is_reported_with_its_service_and_the_keys_that_exist()
    {
        using var folder = new ScratchFolder();
        var file = folder.Write("docker-compose.yml", """
            x-env: &env
              INTELLIGENCE_Kafka__BootstrapServers: kafka:9092
            services:
              ingest:
                image: intelligence:local
                environment:
                  <<: *env
                  INTELLIGENCE_Ingest__Http__Url: http://0.0.0.0:5080
            """);

        var deployed = DeployedSettings.FromCompose(ComposeFile.Load(file)).ToList();
        var problems = CheckReport.Problems(deployed.Select(v => (SettingResolver.Resolve(v.Name), v.Origin)), "variables");

        Assert.Contains(deployed, v => v.Name == "INTELLIGENCE_Kafka__BootstrapServers"); // merged in from the anchor
        Assert.NotNull(problems);
        Assert.Contains("INTELLIGENCE_Ingest__Http__Url", problems, StringComparison.Ordinal);
        Assert.Contains("services.ingest.environment", problems, StringComparison.Ordinal);
        Assert.Contains("Urls", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("INTELLIGENCE_Kafka__BootstrapServers", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_key_in_a_config_map_or_a_container_env_is_reported()
    {
        using var folder = new ScratchFolder();
        folder.Write("settings.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              INTELLIGENCE_Kafka__Processing__Thread: "2"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: sink
            spec:
              template:
                spec:
                  containers:
                    - name: sink
                      image: intelligence:1
                      env:
                        - name: INTELLIGENCE_Sink__Lingr
                          value: "00:00:01"
            """);

        var deployed = DeployedSettings.FromManifests(Manifests.Load(folder.Path)).ToList();
        var results = deployed.Select(v => SettingResolver.Resolve(v.Name)).ToList();

        Assert.Equal(2, deployed.Count);
        Assert.All(results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
    }
}
