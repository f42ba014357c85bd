using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intelligence.Ingest.Http;

/// <summary>Hosts the ingest endpoint on Kestrel, the framework's own server.</summary>
public static class IngestServer
{
    public static async Task<WebApplication> StartAsync(IngestGate gate, ApiKeyRing keys, HttpIngestOptions options,
        TimeProvider clock, Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "The HTTP source has no API keys. Create one with `./intelligence keys add <source>` or set Ingest:Http:ApiKeys.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.AddRouting();

        var app = builder.Build();
        app.MapIngest(gate, keys, options, clock);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }
}
