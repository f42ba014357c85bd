using Intelligence.Analytics;
using Intelligence.Dashboards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Intelligence.Console;

/// <summary>Hosts the console on Kestrel: the web app and its API over one store, read-only.</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConsoleQueries _queries;

    private ConsoleServer(WebApplication app, ConsoleQueries queries, IReadOnlyList<Dashboard> dashboards, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _queries = queries;
        Dashboards = dashboards;
        Addresses = addresses;
    }

    public IReadOnlyList<Dashboard> Dashboards { get; }

    /// <summary>Where it listens, with the port Kestrel chose when the configured one is 0.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public static async Task<ConsoleServer> StartAsync(IAnalyticsStore store, ConsoleOptions options, TimeProvider clock,
        Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        var dashboards = DashboardCatalog.Load(options.DashboardFolder);
        var queries = new ConsoleQueries(store, SqlNames.RequireIdentifier(options.Database, "database"), clock);
        await queries.MakeReadOnlyAsync(cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddRouting();

        var app = builder.Build();
        app.MapConsoleApi(dashboards, queries);
        app.MapConsoleApp();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a)).ToList() ?? [];
        return new ConsoleServer(app, queries, dashboards, addresses);
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _queries.Dispose();
    }
}
