using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intelligence.Console;

/// <summary>
/// The static web app, embedded in this assembly: one page for every dashboard (<c>/</c> and
/// <c>/d/{uid}</c>), its script and its style. No build step and nothing fetched from elsewhere.
/// </summary>
public static class ConsoleApp
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/console.js", "wwwroot/console.js", "text/javascript; charset=utf-8"),
        ("/console.css", "wwwroot/console.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapConsoleApp(this IEndpointRouteBuilder routes)
    {
        var page = Read("wwwroot/index.html");
        routes.MapGet("/", () => Results.Bytes(page, "text/html; charset=utf-8"));
        routes.MapGet("/d/{uid}", (string uid) => Results.Bytes(page, "text/html; charset=utf-8"));
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            routes.MapGet(path, () => Results.Bytes(bytes, contentType));
        }

        routes.MapGet("/health", () => Results.Text("ok"));
        return routes;
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(ConsoleApp).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The console's resource '{resource}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
