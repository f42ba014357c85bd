using Intelligence.Analytics;
using Intelligence.Console;
using Intelligence.Dashboards.Tests;
using Microsoft.Extensions.Logging;

namespace Intelligence.Console.Tests;

/// <summary>
/// The console, in-process on a free loopback port, over the dashboards' simulated run (60,000
/// inputs, every scenario and bad input on), serving the repository's dashboard files.
/// </summary>
public sealed class ConsoleUnderTest : IAsyncLifetime
{
    private readonly SimulatedRun _run = new();
    private ConsoleServer? _server;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("The console has not started.");

    public Uri Address => Server.Addresses[0];

    public IAnalyticsStore Store => _run.Store;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        await _run.InitializeAsync();
        var options = new ConsoleOptions
        {
            Urls = "http://127.0.0.1:0", Database = SimulatedRun.Database, DashboardFolder = Provisioning.DashboardFolder,
        };
        _server = await ConsoleServer.StartAsync(_run.Store, options, TimeProvider.System, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        Http.BaseAddress = Address;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _run.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleUnderTest>
{
    public const string Name = "console";
}
