using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Intelligence.Analytics.Chdb;
using Intelligence.Embedded;
using Intelligence.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Intelligence.Grafana.Tests;

/// <summary>
/// One chDB engine for the test process, started the way a ClickHouse server loads its users: a
/// users.xml of its own (the default user, who runs the pipeline) with deploy/clickhouse/users.d/
/// merged in, so the analyst and grafana users, profiles and quotas are the deployed files. The
/// passwords come from the environment as on a server. A simulated run with every scenario on is
/// stored once, in a database of its own.
/// </summary>
public static partial class ReaderEngine
{
    public const string AnalystHashVariable = "CLICKHOUSE_ANALYST_PASSWORD_SHA256";
    public const string GrafanaHashVariable = "CLICKHOUSE_GRAFANA_PASSWORD_SHA256";

    private static readonly Lazy<(ChdbStore Store, IReadOnlyList<string> Arguments)> Engine = new(Start);
    private static readonly Lazy<Task<string>> Run = new(SimulateAsync);

    public static ChdbStore Store => Engine.Value.Store;

    /// <summary>The database holding the simulated run.</summary>
    public static Task<string> DatabaseAsync() => Run.Value;

    /// <summary>
    /// A second connection to the same engine. Settings a query applies with SETTINGS profile = ...
    /// stay on chDB's connection (the profile's constraints outlive the query), so the profile
    /// checks run on a connection of their own and leave the shared one as it was.
    /// </summary>
    public static ChdbStore OpenSecondConnection() => ChdbStore.Open(null, Engine.Value.Arguments);

    private static (ChdbStore, IReadOnlyList<string>) Start()
    {
        var folder = Directory.CreateTempSubdirectory("intelligence-readers-");
        var usersD = Directory.CreateDirectory(Path.Combine(folder.FullName, "users.d"));
        foreach (var file in Directory.GetFiles(Repository.ClickHouseUsers, "*.xml"))
        {
            File.Copy(file, Path.Combine(usersD.FullName, Path.GetFileName(file)));
        }

        // The default user keeps every privilege (it runs the pipeline) and may read access entities.
        File.WriteAllText(Path.Combine(folder.FullName, "users.xml"), """
            <clickhouse>
              <profiles><default/></profiles>
              <quotas><default/></quotas>
              <users>
                <default>
                  <password></password>
                  <networks><ip>::1</ip><ip>127.0.0.1</ip></networks>
                  <profile>default</profile>
                  <quota>default</quota>
                  <access_management>1</access_management>
                </default>
              </users>
            </clickhouse>
            """);
        var config = Path.Combine(folder.FullName, "config.xml");
        File.WriteAllText(config, $"""
            <clickhouse>
              <logger><level>error</level></logger>
              <user_directories><users_xml><path>{Path.Combine(folder.FullName, "users.xml")}</path></users_xml></user_directories>
            </clickhouse>
            """);

        SetVariable(AnalystHashVariable, Sha256Hex("analyst-test-password"));
        SetVariable(GrafanaHashVariable, Sha256Hex("grafana-test-password"));
        string[] arguments = [$"--config-file={config}"];
        return (ChdbStore.Open(null, arguments), arguments);
    }

    private static async Task<string> SimulateAsync()
    {
        var database = $"t_{Guid.NewGuid():N}";
        var options = new EmbeddedOptions
        {
            Database = database,
            Sink = new SinkOptions { MaxBatchRows = 5_000, Linger = TimeSpan.FromMilliseconds(20) },
        };
        await using var pipeline = await EmbeddedPipeline.StartAsync(Store, options, TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None);
        var simulator = new RetailSimulator(new SimulationOptions
        {
            Seed = 7, Events = 60_000, Scenarios = Enum.GetValues<Scenario>().ToHashSet(), BadInput = BadInputOptions.Default,
        });
        await new SimulatorSource(simulator).RunAsync(pipeline.Gate, CancellationToken.None);
        await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
        return database;
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // The engine reads from_env with getenv; Environment.SetEnvironmentVariable does not reach it on Unix.
    private static void SetVariable(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv {name} failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
