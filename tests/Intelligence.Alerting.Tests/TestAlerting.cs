using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Intelligence.Alerting.Tests;

/// <summary>Settings for tests: millisecond backoff, and a webhook secret in an environment variable of this process.</summary>
public static class TestAlerting
{
    public const string SecretVariable = "INTELLIGENCE_ALERTING_TEST_SECRET";
    public const string Secret = "test-secret-0123456789abcdef";

    /// <summary>The most any await in these tests waits before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    static TestAlerting() => Environment.SetEnvironmentVariable(SecretVariable, Secret);

    public static byte[] SecretBytes => Encoding.UTF8.GetBytes(Secret);

    public static AlertingOptions Options(params AlertRoute[] routes) => new()
    {
        Routes = routes,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static AlertRoute Webhook(string name, WebhookReceiver receiver) => Webhook(name, receiver.Url(name));

    public static AlertRoute Webhook(string name, string url) =>
        new() { Name = name, Channel = AlertChannels.Webhook, Url = url, SecretVariable = SecretVariable };

    public static AlertRoute Console(string name, string minimumSeverity = "low", string[]? teams = null, string[]? kinds = null) =>
        new() { Name = name, MinimumSeverity = minimumSeverity, Teams = teams ?? [], Kinds = kinds ?? [] };

    /// <summary>An address on loopback where nothing listens: connections are refused at once.</summary>
    public static string NobodyListening()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/nobody";
    }
}
