using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting.Tests;

/// <summary>
/// A real webhook receiver on Kestrel, on a free loopback port: it keeps every request and answers as
/// <see cref="Answer"/> says (200 unless told otherwise). Each route POSTs to its own path.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedNotice> _received = new();
    private WebApplication _app = null!;

    private WebhookReceiver()
    {
    }

    public Func<ReceivedNotice, Task<ReceiverAnswer>> Answer { get; set; } = _ => Task.FromResult(ReceiverAnswer.Ok);

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedNotice> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver._app = builder.Build();
        receiver._app.MapPost("/{route}", receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Address = new Uri(address);
        return receiver;
    }

    public string Url(string route) => new Uri(Address, route).ToString();

    /// <summary>The notice ids one route's path received, in arrival order.</summary>
    public IReadOnlyList<string> IdsAt(string route) => [.. Received.Where(r => r.Route == route).Select(r => r.NoticeId!)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string route)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        var notice = new ReceivedNotice(route, headers[NoticeHeaders.NoticeId], headers[NoticeHeaders.Timestamp],
            headers[NoticeHeaders.Signature], body.ToArray(), context.RequestAborted);
        _received.Enqueue(notice);
        ReceiverAnswer answer;
        try
        {
            answer = await Answer(notice);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the sender gave up waiting
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        await context.Response.WriteAsync(answer.Body);
    }
}

/// <param name="Aborted">Cancelled when the sender stops waiting for the answer.</param>
public sealed record ReceivedNotice(string Route, string? NoticeId, string? Timestamp, string? Signature, byte[] Body, CancellationToken Aborted)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record ReceiverAnswer(int Status, string? RetryAfter = null, string Body = "")
{
    public static ReceiverAnswer Ok { get; } = new(200);
}
