using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.EventLog;
using Intelligence.Ingest.Http;
using Intelligence.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Intelligence.Ingest.Tests;

/// <summary>
/// An HTTP batch is answered only once the log confirms it: a log that gave records up (Kafka
/// refusing them for good) or did not confirm in time gets a 503 that asks for the batch again.
/// </summary>
public sealed class UnconfirmedBatchTests
{
    private const string Key = "ik_test_key_webstore";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_batch_the_log_does_not_confirm_is_answered_503_asking_for_it_again(bool refused)
    {
        var events = new InProcessTopic<AcceptedEvent>(new TopicOptions { Name = "events", Partitions = 1 }, e => e.ApproximateSize);
        var deadLetters = new InProcessTopic<DeadLetter>(new TopicOptions { Name = "dead", Partitions = 1 }, d => d.ApproximateSize);
        var gate = new IngestGate(new EventReader(new EventReaderOptions(), GateRig.Clock), new DuplicateFilter(100),
            new Unconfirmed<AcceptedEvent>(events, refused), deadLetters, new IngestCounters());
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(Key));
        var options = new HttpIngestOptions { Urls = "http://127.0.0.1:0", AppendTimeout = TimeSpan.FromMilliseconds(300) };
        await using var app = await IngestServer.StartAsync(gate, keys, options, GateRig.Clock, _ => { }, CancellationToken.None);
        using var client = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestEndpoint.Path)
        {
            Content = new StringContent("[" + EventBuilder.Of(EventTypes.OrderPlaced).BuildString() + "]", Encoding.UTF8,
                new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Api-Key", Key);

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.RetryAfter!.ToString());
        Assert.Equal(0, (int?)body["notProcessed"]![0]);
        Assert.Contains(refused ? "resend the batch" : "resend it", (string?)body["error"], StringComparison.Ordinal);
    }

    /// <summary>Appends as the inner topic does, but never confirms: it gives the records up, or never answers.</summary>
    private sealed class Unconfirmed<T>(ITopicWriter<T> inner, bool refused) : ITopicWriter<T>
    {
        public ValueTask<LogPosition> AppendAsync(string key, T value, CancellationToken cancellationToken) =>
            inner.AppendAsync(key, value, cancellationToken);

        public async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            if (refused)
            {
                throw new RecordsNotLoggedException("1 record(s) could not be written to Kafka (events); resend the batch.");
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
