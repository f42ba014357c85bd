using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Intelligence.Embedded;
using Intelligence.Ingest.Http;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>The HTTP and file sources, end to end into the store, account for every input as the simulator source does.</summary>
public sealed class SourcesThroughPipelineTests
{
    private static readonly SimulationOptions Simulation = new()
    {
        Seed = 21,
        Events = 6_000,
        Scenarios = Enum.GetValues<Scenario>().ToHashSet(),
        BadInput = BadInputOptions.Default,
    };

    /// <summary>The inputs, and a clock fixed at the simulation's end so live sources judge them as the simulator did.</summary>
    private static (List<byte[]> Inputs, TimeProvider Clock) Generate()
    {
        var simulator = new RetailSimulator(Simulation);
        var inputs = simulator.Generate().Select(i => i.Json).ToList();
        return (inputs, new FixedClock(simulator.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Inputs_posted_over_http_are_all_accounted_for_in_the_store()
    {
        var db = SharedStore.NewDatabase();
        var (inputs, clock) = Generate();
        const string key = "ik_pipeline_test";
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(key));
        var http = new HttpIngestOptions { Urls = "http://127.0.0.1:0", MaxEventsPerBatch = 1_000 };

        await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, PipelineRig.Options(db),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var answered = 0;
        await using (var app = await IngestServer.StartAsync(pipeline.Gate, keys, http, clock, _ => { }, CancellationToken.None))
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            foreach (var chunk in inputs.Chunk(500))
            {
                using var content = new ByteArrayContent(chunk.SelectMany(b => b.Append((byte)'\n')).ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await client.PostAsync(IngestEndpoint.Path, content);
                response.EnsureSuccessStatusCode();
                answered += JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray().Count;
            }
        }

        var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);

        Assert.Equal(inputs.Count, answered);
        Assert.Equal(inputs.Count, summary.Received);
        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(summary.Stored, await PipelineRig.CountAsync($"SELECT count() FROM {db}.raw_events"));
        Assert.Equal(summary.DeadLettered, await PipelineRig.CountAsync($"SELECT count() FROM {db}.dead_letters"));
    }

    [Fact]
    public async Task A_file_of_simulated_inputs_stores_what_the_simulator_source_stores()
    {
        var (fromFile, fromSimulator) = (SharedStore.NewDatabase(), SharedStore.NewDatabase());
        var (inputs, clock) = Generate();
        var path = Path.Combine(Path.GetTempPath(), $"intelligence-{Guid.NewGuid():N}.jsonl");
        // Raw bytes, as `simulate --out` writes them: a string round trip would repair the invalid UTF-8 inputs.
        await File.WriteAllBytesAsync(path, inputs.SelectMany(b => b.Append((byte)'\n')).ToArray());
        try
        {
            await using var pipeline = await EmbeddedPipeline.StartAsync(SharedStore.Instance, PipelineRig.Options(fromFile),
                TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
            await new JsonLinesFileSource(path, clock).RunAsync(pipeline.Gate, CancellationToken.None);
            var fileSummary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
            var simulatorSummary = await PipelineRig.SimulateAsync(fromSimulator, Simulation);

            Assert.True(fileSummary.Balances, $"{fileSummary}");
            Assert.Equal(simulatorSummary.Received, fileSummary.Received);
            Assert.Equal(simulatorSummary.Duplicates, fileSummary.Duplicates);
            Assert.Equal(
                await PipelineRig.QueryAsync($"SELECT sum(cityHash64(event_id, payload)) FROM {fromSimulator}.raw_events"),
                await PipelineRig.QueryAsync($"SELECT sum(cityHash64(event_id, payload)) FROM {fromFile}.raw_events"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
