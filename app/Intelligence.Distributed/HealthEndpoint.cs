using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intelligence.Distributed;

/// <summary>
/// <c>GET /healthz</c> (200 or 503 with the reason) and <c>GET /metrics</c> (Prometheus text) for a
/// role, on their own small web server so that probes work whatever the role does.
/// </summary>
public sealed class HealthEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthEndpoint(WebApplication app) => _app = app;

    public IReadOnlyList<string> Urls => [.. _app.Urls];

    public static async Task<HealthEndpoint> StartAsync(HealthOptions options, Func<RoleStatus> status, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(options.Urls);
        var app = builder.Build();
        app.MapGet("/healthz", () =>
        {
            var now = status();
            return Results.Text(now.Detail + "\n", "text/plain", statusCode: now.Healthy ? 200 : 503);
        });
        app.MapGet("/metrics", () => Results.Text(status().ToPrometheus(), "text/plain; version=0.0.4"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"The health endpoint could not listen on {options.Urls} ({ex.Message}); set Health:Urls to a free address.", ex);
        }

        loggers.CreateLogger<HealthEndpoint>().LogInformation("Health and metrics on {Urls} (/healthz, /metrics)", string.Join(", ", app.Urls));
        return new HealthEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
