using System.Collections.Concurrent;
using Intelligence.Alerting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// A webhook receiver on Kestrel, on a free loopback port, that holds every request until the test
/// calls <see cref="Release"/>: a receiver as slow as can be. It keeps each request's headers and raw
/// body, to check signatures against.
/// </summary>
public sealed class HeldWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<HeldRequest> _received = new();
    private readonly SemaphoreSlim _gate = new(0);
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;

    private HeldWebhookReceiver()
    {
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request that reached the receiver, held or answered, in arrival order.</summary>
    public IReadOnlyList<HeldRequest> Received => [.. _received];

    /// <summary>Completes when the first request is in the receiver's hands.</summary>
    public Task FirstArrived => _firstArrived.Task;

    public static async Task<HeldWebhookReceiver> StartAsync()
    {
        var receiver = new HeldWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver._app = builder.Build();
        receiver._app.MapPost("/alerts", receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "alerts");
        return receiver;
    }

    /// <summary>Lets every held request, and every later one, be answered 200.</summary>
    public void Release() => _gate.Release();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
        _gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        _received.Enqueue(new HeldRequest(headers[NoticeHeaders.NoticeId].ToString(), headers[NoticeHeaders.Timestamp].ToString(),
            headers[NoticeHeaders.Signature].ToString(), body.ToArray()));
        _firstArrived.TrySetResult();
        try
        {
            // A gate: once released, each request passes it and opens it again for the next.
            await _gate.WaitAsync(context.RequestAborted);
            _gate.Release();
        }
        catch (OperationCanceledException)
        {
            return; // the sender gave up waiting
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}

public sealed record HeldRequest(string NoticeId, string Timestamp, string Signature, byte[] Body);
