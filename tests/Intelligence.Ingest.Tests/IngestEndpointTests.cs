using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Ingest.Http;
using Intelligence.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Intelligence.Ingest.Tests;

/// <summary>The HTTP endpoint on real Kestrel, bound to a free loopback port.</summary>
public sealed class IngestEndpointTests : IAsyncLifetime
{
    private const string Key = "ik_test_key_webstore";
    private readonly GateRig _rig = new(partitionCapacity: 50);
    private readonly HttpIngestOptions _options = new()
    {
        Urls = "http://127.0.0.1:0",
        MaxBodyBytes = 256 * 1024,
        MaxEventsPerBatch = 100,
        AppendTimeout = TimeSpan.FromMilliseconds(300),
    };

    private WebApplication? _app;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(Key));
        _app = await IngestServer.StartAsync(_rig.Gate, keys, _options, GateRig.Clock, _ => { }, CancellationToken.None);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app!.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> PostAsync(
        string body, string contentType = "application/json", string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!, response);
    }

    private static string Batch(params string[] events) => "[" + string.Join(",", events) + "]";

    [Fact]
    public async Task A_request_without_a_key_is_refused_with_how_to_send_one()
    {
        var (status, body, _) = await PostAsync(Batch(EventBuilder.Of(EventTypes.StockReceived).BuildString()), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("X-Api-Key", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _rig.Gate.Counters.Snapshot().Received);
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        var (status, _, _) = await PostAsync(Batch(EventBuilder.Of(EventTypes.StockReceived).BuildString()), key: "ik_guess");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_mixed_batch_gets_an_answer_per_event()
    {
        var good = EventBuilder.Of(EventTypes.StockReceived).WithId("ok-1").BuildString();
        var bad = EventBuilder.Of(EventTypes.StockReceived).WithId("bad-1").Edit(j => j["payload"]!["quantity"] = -1).BuildString();
        var unknown = EventBuilder.Of(EventTypes.StockReceived).Edit(j => j["type"] = "nope").BuildString();

        var (status, body, _) = await PostAsync(Batch(good, bad, good, unknown, "42"));
        var results = body["results"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        Assert.Equal(1, body["duplicates"]!.GetValue<int>());
        Assert.Equal(3, body["rejected"]!.GetValue<int>());
        Assert.Equal(["accepted", "rejected", "duplicate", "rejected", "rejected"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal("invalid_value", results[1]!["reason"]!.GetValue<string>());
        Assert.Equal("unknown_type", results[3]!["reason"]!.GetValue<string>());
        Assert.Equal("wrong_type", results[4]!["reason"]!.GetValue<string>());
        Assert.Equal(5, _rig.Gate.Counters.Snapshot().BySource["http:webstore"].Received);
    }

    [Fact]
    public async Task Ndjson_lines_are_judged_one_by_one()
    {
        var body = EventBuilder.Of(EventTypes.OrderPlaced).BuildString() + "\n{truncated\n\n"
            + EventBuilder.Of(EventTypes.PaymentCaptured).BuildString() + "\n";

        var (status, answer, _) = await PostAsync(body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, answer["accepted"]!.GetValue<int>());
        Assert.Equal("malformed_json", answer["results"]![1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_array_is_a_clear_400()
    {
        var (status, body, _) = await PostAsync("{\"not\": \"an array\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("JSON array", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_a_415()
    {
        var (status, _, _) = await PostAsync("<xml/>", "text/xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_that_says_the_limit()
    {
        var (status, body, _) = await PostAsync("[" + new string(' ', 300 * 1024) + "]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("262144", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_events_in_one_batch_is_a_413()
    {
        var events = Enumerable.Range(0, 101).Select(_ => "1").ToArray();

        var (status, body, _) = await PostAsync(Batch(events));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("split", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _rig.Gate.Counters.Snapshot().Received);
    }

    [Fact]
    public async Task When_the_log_stays_full_it_answers_503_with_retry_after_and_the_events_not_taken()
    {
        var events = Enumerable.Range(0, 90)
            .Select(i => EventBuilder.Of(EventTypes.StockReceived).WithId($"full-{i}").WithKey("one-key").BuildString())
            .ToArray();

        var (status, body, response) = await PostAsync(Batch(events));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.NotNull(response.Headers.RetryAfter);
        var taken = body["accepted"]!.GetValue<int>();
        Assert.Equal(50, taken);
        Assert.Equal(Enumerable.Range(50, 40), body["notProcessed"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.True(_rig.Gate.Counters.Snapshot().Balances);
    }
}
