using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Ingest.Http;
using Intelligence.Testing;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// Posts batches to the HTTP endpoint as a well-behaved source does: after a 429 it sends the batch
/// again, after a 503 the events listed in <c>notProcessed</c>, each after Retry-After; it keeps every
/// answer's status and the ids the endpoint took.
/// </summary>
public sealed class LoadClient(HttpClient client, string key)
{
    public ConcurrentDictionary<HttpStatusCode, int> Answers { get; } = new();

    public ConcurrentBag<string> Taken { get; } = [];

    public static byte[] Event(int n) =>
        EventBuilder.Of(EventTypes.StockReceived).WithId($"load-{n}").WithKey($"SKU-{n % 500}@DC-EAST").Build();

    /// <summary>Sends one batch until every event in it is answered; returns how many attempts it took.</summary>
    public async Task<int> SendAsync(IReadOnlyList<byte[]> batch, TimeSpan retryUnit)
    {
        var pending = batch.ToList();
        for (var attempt = 1; ; attempt++)
        {
            using var content = new ByteArrayContent([.. pending.SelectMany(e => e.Append((byte)'\n'))]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var request = new HttpRequestMessage(HttpMethod.Post, IngestEndpoint.Path) { Content = content };
            request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            Answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            foreach (var result in body["results"]?.AsArray() ?? [])
            {
                if ((string?)result!["status"] == "accepted")
                {
                    Taken.Add((string)result["id"]!);
                }
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return attempt;
                case HttpStatusCode.TooManyRequests:
                    break;
                case HttpStatusCode.ServiceUnavailable:
                    pending = [.. body["notProcessed"]!.AsArray().Select(i => pending[(int)i!])];
                    break;
                default:
                    throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body}");
            }

            // Retry-After says seconds; the test scales it so that a run stays short.
            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(retryUnit * response.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
        }
    }
}
