using System.Collections.Concurrent;
using System.Net;
using Intelligence.Analytics.Chdb;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// ClickHouse's HTTP interface served from a chDB engine on 127.0.0.1 and a free port, so that
/// ClickHouse.Driver, or any HTTP client, runs against the real ClickHouse engine in a test without a
/// server. Statements run one at a time on the given store. What it does not reproduce (the server's
/// own HTTP code, users and quotas, sessions, replication, the native protocol) is listed in
/// analytics/Intelligence.Analytics.ClickHouse/README.md.
/// </summary>
public sealed class ChdbHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ObservedRequest> observed;

    private ChdbHttpServer(WebApplication app, Uri url, ConcurrentQueue<ObservedRequest> observed)
    {
        this.app = app;
        this.observed = observed;
        Url = url;
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Url { get; }

    /// <summary>Every query request seen so far, oldest first.</summary>
    public IReadOnlyCollection<ObservedRequest> Requests => observed;

    /// <summary>Starts serving <paramref name="engine"/>; the server never disposes the engine.</summary>
    public static async Task<ChdbHttpServer> StartAsync(ChdbStore engine, ChdbHttpServerOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new ChdbHttpServerOptions();
        var session = await EngineSession.OpenAsync(engine, ct);
        var statuses = ErrorStatus.FromEngine(await session.ErrorCodesAsync(ErrorStatus.Names, ct));
        var timezone = (await session.QueryTextAsync("SELECT timezone()", null, ct)).Trim();
        var observed = new ConcurrentQueue<ObservedRequest>();
        var endpoint = new QueryEndpoint(session, statuses, options, timezone, observed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (options.Certificate is not null)
                {
                    listen.UseHttps(options.Certificate);
                }
            });
        });

        var app = builder.Build();
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new ChdbHttpServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), observed);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
