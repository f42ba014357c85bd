using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Intelligence.Contracts;
using Intelligence.Embedded;
using Intelligence.Ingest;
using Intelligence.Ingest.Http;
using Intelligence.Ingest.Sources;
using Intelligence.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// Every kind of the hostile catalogue through the real HTTP endpoint and through a file, into the
/// embedded pipeline and chDB: each kind gets its reason, the store holds exactly what was accepted
/// and dead-lettered, SQL-like text lands as data, and a good event after each one is still stored.
/// </summary>
public sealed class HostileInputThroughPipelineTests
{
    private const string Key = "ik_hostile_webstore";
    private static readonly TimeProvider Clock = new FixedClock(SamplePayloads.Now);

    // A blank line is not an input in NDJSON or a file, so the empty input cannot travel there.
    private static IEnumerable<HostileInput> Travelling => HostileInputs.All.Where(i => i.Bytes.Length > 0);

    private static byte[] Good(string id) => EventBuilder.Of(EventTypes.StockReceived).WithId(id).WithKey("SKU-9@DC-EAST").Build();

    private static byte[] Lines(params byte[][] lines) => [.. lines.SelectMany(l => l.Append((byte)'\n'))];

    [Fact]
    public async Task Each_kind_posted_over_http_gets_its_reason_and_the_store_holds_every_input_once()
    {
        var db = SharedStore.NewDatabase();
        await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, PipelineRig.Options(db),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(Key));
        var http = new HttpIngestOptions { Urls = "http://127.0.0.1:0", MaxEventsPerBatch = 100, MaxBodyBytes = 512 * 1024 };
        var wrong = new List<string>();
        await using (var app = await IngestServer.StartAsync(pipeline.Gate, keys, http, Clock, _ => { }, CancellationToken.None))
        {
            using var client = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
            };
            var n = 0;
            foreach (var input in Travelling)
            {
                var (status, body) = await PostAsync(client, Lines(input.Bytes, Good($"good-after-{n++}")));
                var answer = body?["results"]?[0] is { } first
                    ? (string?)first["status"] == "accepted" ? HostileInputs.Accepted : (string?)first["reason"]
                    : $"HTTP {(int)status}";
                if (answer != input.Expected || (string?)body!["results"]![1]!["status"] != "accepted")
                {
                    wrong.Add($"{input.Kind}: expected {input.Expected}, got {answer}");
                }
            }

            // Requests refused whole: none of their events is an input, so none is counted or stored.
            var batch = Lines(Good("refused-1"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, batch, key: null)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, batch, key: "ik_stolen_guess")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, batch, key: Key.ToUpperInvariant())).Status);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
                (await PostAsync(client, Lines([.. Enumerable.Range(0, 101).Select(i => Good($"huge-batch-{i}"))]))).Status);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(client, new byte[600 * 1024])).Status);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(client, batch, contentType: "text/csv")).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "{\"not\":\"an array\"}"u8.ToArray(), contentType: "application/json")).Status);

            // Sent again (a retry after a lost answer): each copy is a duplicate, stored once.
            var (_, again) = await PostAsync(client, Lines(Good("good-after-0"), Good("good-after-1")));
            Assert.Equal(2, (int?)again!["duplicates"]);
        }

        var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);

        Assert.Empty(wrong);
        await AssertAccountedAsync(db, summary, Travelling.Count() * 2 + 2, duplicates: 2);
        Assert.Equal(0, await PipelineRig.CountAsync($"SELECT count() FROM {db}.raw_events WHERE event_id LIKE 'refused-%' OR event_id LIKE 'huge-batch-%'"));
    }

    [Fact]
    public async Task A_file_mixing_every_kind_is_read_to_the_end_and_every_line_is_accounted_for()
    {
        var db = SharedStore.NewDatabase();
        var path = Path.Combine(Path.GetTempPath(), $"intelligence-hostile-{Guid.NewGuid():N}.jsonl");
        var lines = Travelling.SelectMany((input, i) => new[] { input.Bytes, Good($"file-good-{i}") }).ToList();
        lines.Add(Good("file-good-0")); // a duplicate at the end
        await File.WriteAllBytesAsync(path, Lines([.. lines]));
        try
        {
            await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, PipelineRig.Options(db),
                TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
            await new JsonLinesFileSource(path, Clock).RunAsync(pipeline.Gate, CancellationToken.None);
            var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);

            await AssertAccountedAsync(db, summary, lines.Count, duplicates: 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Inputs = stored + dead-lettered + duplicates, by the counters and by the store's own rows; the
    /// dead letters' reasons are exactly the catalogue's; SQL-like text is stored verbatim.
    /// </summary>
    private static async Task AssertAccountedAsync(string db, RunSummary summary, int inputs, int duplicates)
    {
        var expectedReasons = Travelling.Where(i => i.Expected != HostileInputs.Accepted).Select(i => i.Expected).Order().ToList();
        var accepted = Travelling.Count(i => i.Expected == HostileInputs.Accepted);

        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(inputs, summary.Received);
        Assert.Equal(duplicates, summary.Duplicates);
        Assert.Equal(inputs - duplicates - expectedReasons.Count, await PipelineRig.CountAsync($"SELECT count() FROM {db}.raw_events"));
        Assert.Equal(accepted + Travelling.Count(), summary.Stored); // the accepted kinds and one good event after each kind
        var stored = (await PipelineRig.QueryAsync($"SELECT reason FROM {db}.dead_letters ORDER BY reason")).Split('\n');
        Assert.Equal(expectedReasons, stored);
        Assert.Equal(0, await PipelineRig.CountAsync($"SELECT count() FROM {db}.dead_letters WHERE detail = ''"));
        Assert.Equal(1, await PipelineRig.CountAsync(
            $"SELECT count() FROM {db}.raw_events WHERE JSONExtractString(payload, 'customerId') = '{Escape(HostileInputs.SqlLike[0])}'"));
        Assert.Equal(1, await PipelineRig.CountAsync(
            $"SELECT count() FROM {db}.raw_events WHERE source = '{Escape(HostileInputs.SqlLike[2])}' AND partition_key = '{Escape(HostileInputs.SqlLike[3])}' AND startsWith(event_id, '{Escape(HostileInputs.SqlLike[1])}')"));
    }

    /// <summary>A ClickHouse string literal's escaping, for the test's own lookups.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, byte[] body,
        string? key = Key, string contentType = "application/x-ndjson")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        // As curl does for large bodies: a request refused from its headers is answered before the body is sent.
        request.Headers.ExpectContinue = true;
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
