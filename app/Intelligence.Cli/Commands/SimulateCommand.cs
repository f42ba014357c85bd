using System.Diagnostics;
using System.Net.Http.Headers;
using Intelligence.Embedded;
using Intelligence.Ingest.Http;
using Intelligence.Ingest.Sources;
using Intelligence.Simulator;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence simulate</c>: write simulated inputs to a JSON-lines file, or POST them to an ingest endpoint.</summary>
public static class SimulateCommand
{
    public const string Usage = $"""
        intelligence simulate (--out FILE | --post URL --api-key KEY) [options]

        Generates the simulator's inputs (deterministic for a seed) and either writes them, one JSON
        event a line, to FILE (with the ground truth beside it in FILE.truth.json), or POSTs them in
        batches to a running `intelligence run --source http`. A file gets each input's arrival time
        beside it in FILE.arrivals, so `run --source file` replays it as it arrived.

          --out FILE         JSON-lines file to write
          --post URL         ingest endpoint base, e.g. http://127.0.0.1:5080
          --api-key KEY      the source's API key (or set INTELLIGENCE_API_KEY)
          --batch N          events per POST (default 1000)
        With --post and no --start, the simulation ends at the start of today (UTC), so that a
        live endpoint, which judges event times by the wall clock, takes them as recent.
        Simulator options:
        {SimulationArguments.Help}
        """;

    public static readonly IReadOnlySet<string> Valued =
        new HashSet<string>(SimulationArguments.Valued.Concat(["out", "post", "api-key", "batch", "config"]));

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(SimulationArguments.Flags);

    public static async Task<int> ExecuteAsync(CommandLine line, Serilog.ILogger log, CancellationToken stop)
    {
        var options = SimulationArguments.From(line);
        var output = line.Value("out");
        var post = line.Value("post");
        if (post is not null && line.Value("start") is null)
        {
            // A live endpoint judges event times by the wall clock: end the simulation at the start of today.
            options = options with { Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero) - options.Span };
        }

        if ((output is null) == (post is null))
        {
            throw new UsageException("Give exactly one of --out FILE or --post URL.");
        }

        var simulator = new RetailSimulator(options);
        log.Information("Simulating: {Simulation}", SimulationArguments.Describe(options));
        var clock = Stopwatch.StartNew();
        long written;
        if (output is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
                await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                written = SimulatedFile.Write(simulator, options, file, output, stop);
            }
            catch
            {
                // A partial file would look like a complete simulation: remove it.
                File.Delete(output);
                File.Delete(RecordedArrivals.PathFor(output));
                throw;
            }

            System.Console.Out.WriteLine($"Wrote {written:N0} inputs to {output} in {clock.Elapsed.TotalSeconds:F1} s; " +
                $"ground truth in {output}.truth.json, arrival times in {RecordedArrivals.PathFor(output)}");
        }
        else
        {
            var key = line.Value("api-key") ?? Environment.GetEnvironmentVariable("INTELLIGENCE_API_KEY")
                ?? throw new UsageException("--post needs --api-key KEY (create one with ./intelligence keys add <source>).");
            written = await PostAsync(simulator, post!, key, (int)line.Number("batch", 1000, 1, 100_000), log, stop);
            System.Console.Out.WriteLine($"Posted {written:N0} inputs to {post} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        return 0;
    }

    private static async Task<long> PostAsync(RetailSimulator simulator, string baseUrl, string key, int batchSize,
        Serilog.ILogger log, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var batch = new MemoryStream();
        long count = 0, inBatch = 0;
        foreach (var input in simulator.Generate())
        {
            batch.Write(input.Json);
            batch.WriteByte((byte)'\n');
            count++;
            if (++inBatch == batchSize)
            {
                await SendAsync(client, batch, log, stop);
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            await SendAsync(client, batch, log, stop);
        }

        return count;
    }

    /// <summary>Sends one NDJSON batch; on 503 waits as told and resends (accepted events come back as duplicates).</summary>
    private static async Task SendAsync(HttpClient client, MemoryStream batch, Serilog.ILogger log, CancellationToken stop)
    {
        while (true)
        {
            using var content = new ByteArrayContent(batch.GetBuffer(), 0, (int)batch.Length);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await client.PostAsync(IngestEndpoint.Path, content, stop);
            if (response.IsSuccessStatusCode)
            {
                batch.SetLength(0);
                return;
            }

            var body = await response.Content.ReadAsStringAsync(stop);
            if ((int)response.StatusCode != 503)
            {
                throw new InvalidOperationException($"The ingest endpoint answered {(int)response.StatusCode}: {body}");
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            log.Warning("Ingest busy (503); retrying the batch in {Wait}", wait);
            await Task.Delay(wait, stop);
        }
    }
}
