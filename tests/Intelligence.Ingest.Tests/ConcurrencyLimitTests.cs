using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Intelligence.Contracts;
using Intelligence.Ingest.Http;
using Intelligence.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Intelligence.Ingest.Tests;

/// <summary>Past the requests it reads at once, the endpoint answers 429 with Retry-After instead of holding more bodies in memory.</summary>
public sealed class ConcurrencyLimitTests
{
    private const string Key = "ik_test_key_webstore";

    [Fact]
    public async Task A_request_past_the_limit_is_answered_429_with_retry_after_and_the_next_one_after_is_taken()
    {
        // One record fits in the log, so each request waits there until its append timeout.
        var rig = new GateRig(partitionCapacity: 1);
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(Key));
        var options = new HttpIngestOptions { Urls = "http://127.0.0.1:0", MaxConcurrentRequests = 2, AppendTimeout = TimeSpan.FromSeconds(3) };
        await using var app = await IngestServer.StartAsync(rig.Gate, keys, options, GateRig.Clock, _ => { }, CancellationToken.None);
        using var client = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };

        var held = new[] { PostAsync(client, "a"), PostAsync(client, "b") };
        await WaitUntilAsync(() => rig.Gate.Counters.Snapshot().Received >= 1);
        await Task.Delay(300);
        using var refused = await PostAsync(client, "c");
        var text = await refused.Content.ReadAsStringAsync();
        var answers = await Task.WhenAll(held);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        Assert.Contains("MaxConcurrentRequests", text, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.DoesNotContain(await GateRig.DrainAsync(rig.Events), e => e.Event.Id.StartsWith("c-", StringComparison.Ordinal));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string batch)
    {
        var events = Enumerable.Range(0, 3)
            .Select(i => EventBuilder.Of(EventTypes.StockReceived).WithId($"{batch}-{i}").WithKey("one-key").BuildString());
        var request = new HttpRequestMessage(HttpMethod.Post, IngestEndpoint.Path)
        {
            Content = new StringContent("[" + string.Join(",", events) + "]", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Api-Key", Key);
        return client.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the first request never reached the log");
    }
}
