using System.Net.Http;
using System.Text;

namespace Intelligence.Cli.Tests;

/// <summary>
/// Secrets the program is given (the ClickHouse and Kafka passwords, API keys, right or wrong) never
/// appear in what it writes, even at the most verbose log level and when it fails because of them.
/// </summary>
public sealed class SecretsNotLoggedTests : IDisposable
{
    private const string ClickHousePassword = "ch-pw-6f1d2c-secret";
    private const string KafkaPassword = "kafka-pw-93ab77-secret";
    private readonly string _data = CliProcess.NewDataDirectory();

    private static readonly Dictionary<string, string> Verbose = new()
    {
        ["INTELLIGENCE_Serilog__MinimumLevel__Default"] = "Verbose",
        ["INTELLIGENCE_CLICKHOUSE_PASSWORD"] = ClickHousePassword,
        ["INTELLIGENCE_KAFKA_SASL_PASSWORD"] = KafkaPassword,
        ["INTELLIGENCE_Kafka__SecurityProtocol"] = "SaslPlaintext",
        ["INTELLIGENCE_Kafka__SaslUsername"] = "intelligence",
        ["INTELLIGENCE_ClickHouse__User"] = "intelligence",
    };

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task A_migrate_that_fails_to_reach_clickhouse_names_the_server_but_not_the_password()
    {
        var run = await CliProcess.Start(Verbose, "migrate", "--clickhouse", $"http://127.0.0.1:{CliProcess.FreePort()}").WaitAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("127.0.0.1", run.Out + run.Error, StringComparison.Ordinal);
        AssertNoSecret(run, ClickHousePassword, KafkaPassword);
    }

    [Fact]
    public async Task Api_keys_presented_to_a_listening_run_are_not_written_whether_right_or_wrong()
    {
        var key = (await CliProcess.RunAsync("keys", "add", "webstore", "--data", _data)).Out.Trim().Split('\n')[^1];
        const string wrongKey = "ik_wrong_0c9e4d1b7a_secret";
        var url = $"http://127.0.0.1:{CliProcess.FreePort()}";
        var listening = CliProcess.Start(Verbose, "run", "--source", "http", "--urls", url, "--duration", "12", "--data", _data);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await WaitUntilUpAsync(client);

        foreach (var presented in new[] { key, wrongKey, key })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
            {
                Content = new StringContent("{\"id\":\"x\"}\n", Encoding.UTF8, "application/x-ndjson"),
            };
            request.Headers.Add("X-Api-Key", presented);
            (await client.SendAsync(request)).Dispose();
        }

        var run = await listening.WaitAsync();

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.StartsWith("ik_", key, StringComparison.Ordinal);
        AssertNoSecret(run, key, wrongKey, ClickHousePassword, KafkaPassword);
        Assert.DoesNotContain(key, await File.ReadAllTextAsync(Path.Combine(_data, "api-keys.txt")), StringComparison.Ordinal);
    }

    private static void AssertNoSecret(CliProcess.Outcome run, params string[] secrets)
    {
        Assert.False(string.IsNullOrWhiteSpace(run.Out + run.Error), "the program wrote nothing to scan");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.Error, StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The HTTP source did not come up.");
    }
}
