using System.Buffers;
using Intelligence.EventLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Intelligence.Ingest.Http;

/// <summary>
/// <c>POST /v1/events</c>: a batch of events from one source, authenticated by that source's API
/// key. Answers per event: accepted, duplicate, or rejected with the reason. When the event log
/// stays full it answers 503 with Retry-After, naming the events it did not take; past
/// <see cref="HttpIngestOptions.MaxConcurrentRequests"/> requests at once, 429 with Retry-After.
/// </summary>
public static class IngestEndpoint
{
    public const string Path = "/v1/events";

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder routes, IngestGate gate,
        ApiKeyRing keys, HttpIngestOptions options, TimeProvider clock)
    {
        var inFlight = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        routes.MapPost(Path, (Delegate)(async (HttpContext context) =>
        {
            if (!await inFlight.WaitAsync(0).ConfigureAwait(false))
            {
                context.Response.Headers.RetryAfter = "1";
                return Error(StatusCodes.Status429TooManyRequests,
                    $"more than {options.MaxConcurrentRequests} requests at once (Ingest:Http:MaxConcurrentRequests); retry after Retry-After seconds");
            }

            try
            {
                return await HandleAsync(context, gate, keys, options, clock).ConfigureAwait(false);
            }
            finally
            {
                inFlight.Release();
            }
        }));
        routes.MapGet("/health", () => Results.Text("ok"));
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IngestGate gate, ApiKeyRing keys,
        HttpIngestOptions options, TimeProvider clock)
    {
        var presented = PresentedKey(context.Request);
        if (presented is null)
        {
            return Error(StatusCodes.Status401Unauthorized,
                "missing API key: send it in the X-Api-Key header (or Authorization: Bearer <key>)");
        }

        if (!keys.TryAuthenticate(presented, out var sourceName))
        {
            return Error(StatusCodes.Status401Unauthorized, "API key not recognised");
        }

        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            return TooLarge(context.Request.ContentLength.Value, options);
        }

        var contentType = context.Request.ContentType;
        var ndjson = BatchBody.IsNdjson(contentType);
        if (!ndjson && !BatchBody.IsJson(contentType))
        {
            return Error(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{contentType}' is not supported; use application/json (an array of events) or application/x-ndjson");
        }

        if (await ReadBodyAsync(context, options.MaxBodyBytes).ConfigureAwait(false) is not { } body)
        {
            return TooLarge(null, options);
        }

        List<ReadOnlyMemory<byte>> events;
        if (ndjson)
        {
            events = BatchBody.SplitLines(body);
        }
        else if (BatchBody.TrySplitArray(body, out events) is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, problem);
        }

        if (events.Count > options.MaxEventsPerBatch)
        {
            return Error(StatusCodes.Status413PayloadTooLarge,
                $"the batch has {events.Count} events; the limit is {options.MaxEventsPerBatch} (Ingest:Http:MaxEventsPerBatch): split it");
        }

        return await SubmitAsync(context, gate, events, new InputSource($"http:{sourceName}", clock), options)
            .ConfigureAwait(false);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IngestGate gate,
        List<ReadOnlyMemory<byte>> events, InputSource source, HttpIngestOptions options)
    {
        var results = new List<EventResponse>(events.Count);
        int accepted = 0, duplicates = 0, rejected = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.AppendTimeout);
        for (var i = 0; i < events.Count; i++)
        {
            IngestResult result;
            try
            {
                result = await gate.SubmitAsync(events[i], source, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                // The log stayed full: say which events were not taken; resending them all is safe,
                // the ones already taken come back as duplicates.
                var response = new BatchResponse(accepted, duplicates, rejected, results,
                    Enumerable.Range(i, events.Count - i).ToList(),
                    "the pipeline is busy; retry the events listed in notProcessed after Retry-After seconds");
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(response, IngestJson.Default.BatchResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            switch (result.Status)
            {
                case IngestStatus.Accepted:
                    accepted++;
                    results.Add(new EventResponse(i, result.EventId, "accepted"));
                    break;
                case IngestStatus.Duplicate:
                    duplicates++;
                    results.Add(new EventResponse(i, result.EventId, "duplicate"));
                    break;
                default:
                    rejected++;
                    results.Add(new EventResponse(i, result.EventId, "rejected", result.Rejection!.Code, result.Rejection.Detail));
                    break;
            }
        }

        // Answer only once the log holds the batch: a producer that hands records to Kafka without
        // waiting is waited for here, once per request.
        try
        {
            await gate.FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RecordsNotLoggedException
                                   || (ex is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            var response = new BatchResponse(accepted, duplicates, rejected, results, Enumerable.Range(0, events.Count).ToList(),
                ex is RecordsNotLoggedException
                    ? ex.Message
                    : "the event log has not confirmed this batch in time; resend it after Retry-After seconds (events already stored come back as duplicates)");
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(response, IngestJson.Default.BatchResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(new BatchResponse(accepted, duplicates, rejected, results), IngestJson.Default.BatchResponse);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>Reads the body up to the limit; null when it is larger.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long limit)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var stream = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await stream.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static IResult TooLarge(long? length, HttpIngestOptions options) =>
        Error(StatusCodes.Status413PayloadTooLarge,
            $"the request body {(length is null ? "is" : $"is {length} bytes,")} over the limit of {options.MaxBodyBytes} bytes (Ingest:Http:MaxBodyBytes): send smaller batches");

    private static IResult Error(int status, string message) =>
        Results.Json(new ErrorResponse(message), IngestJson.Default.ErrorResponse, statusCode: status);
}
