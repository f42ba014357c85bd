using System.Diagnostics;
using System.Globalization;
using System.Net;
using Intelligence.Embedded;
using Intelligence.Ingest.Http;
using Intelligence.Sink.Tests.Support;
using Intelligence.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Intelligence.Pipeline.Tests;

/// <summary>
/// A bounded load test of the HTTP endpoint on loopback, into the embedded pipeline and chDB: the rate
/// it holds with nothing lost, and past it (a small log, a store that is down and then slow) 429s and
/// 503s with Retry-After, the log's memory within its budget, and every event stored exactly once.
/// Figures in docs/benchmarks.md; run alone: <c>dotnet test tests/Intelligence.Pipeline.Tests -c Release
/// --filter "FullyQualifiedName~HttpLoadTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class HttpLoadTests(ITestOutputHelper output)
{
    private const string Key = "ik_load_webstore";

    [Fact]
    public async Task Sustained_load_is_stored_whole_with_no_loss_and_no_double_count()
    {
        var report = await RunAsync(PipelineRig.Options(SharedStore.NewDatabase()), SharedStore.Instance,
            new HttpIngestOptions { Urls = "http://127.0.0.1:0" }, clients: 4, batches: 25, batchSize: 1_000);

        Assert.Equal(100_000, report.Stored);
        output.WriteLine(report.ToString());
    }

    [Fact]
    public async Task Past_its_limits_it_answers_429_and_503_keeps_the_log_in_budget_and_stores_everything_once_after_the_store_recovers()
    {
        const long budget = 4L * 1024 * 1024;
        var outage = Stopwatch.StartNew();
        var store = new FaultyStore(SharedStore.Instance)
        {
            // Down for the first 5 s of the run, then slow: every insert waits 30 ms.
            BeforeInsert = (_, _) => outage.Elapsed < TimeSpan.FromSeconds(5) ? FaultyStore.Transient() : Slow(),
        };
        var options = PipelineRig.Options(SharedStore.NewDatabase(), new SinkOptions
        {
            MaxBatchRows = 2_000, Linger = TimeSpan.FromMilliseconds(20), InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromSeconds(1),
        });
        options = options with { Events = options.Events with { MaxBytes = budget } };
        var http = new HttpIngestOptions { Urls = "http://127.0.0.1:0", MaxConcurrentRequests = 4, AppendTimeout = TimeSpan.FromMilliseconds(250) };

        outage.Restart();
        var report = await RunAsync(options, store, http, clients: 12, batches: 10, batchSize: 500);

        Assert.Equal(60_000, report.Stored);
        Assert.True(report.Answers.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, $"no 503 while the store was down: {report}");
        Assert.True(report.Answers.GetValueOrDefault(HttpStatusCode.TooManyRequests) > 0, $"no 429 past the concurrent limit: {report}");
        Assert.True(report.PeakLogBytes <= budget + 64 * 1024, $"the log held {report.PeakLogBytes:N0} bytes, over its budget of {budget:N0}");
        output.WriteLine(report.ToString());
    }

    private static Exception? Slow()
    {
        Thread.Sleep(30);
        return null;
    }

    private static async Task<LoadReport> RunAsync(EmbeddedOptions options, Intelligence.Analytics.IAnalyticsStore store,
        HttpIngestOptions http, int clients, int batches, int batchSize)
    {
        var events = Enumerable.Range(0, clients * batches * batchSize).Select(LoadClient.Event).ToArray();
        var keys = new ApiKeyRing();
        keys.Add("webstore", ApiKeyRing.Hash(Key));
        await using var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None);
        using var sampling = new CancellationTokenSource();
        var peaks = Task.Run(() => SamplePeaksAsync(pipeline, sampling.Token));
        LoadClient load;
        TimeSpan elapsed;
        await using (var app = await IngestServer.StartAsync(pipeline.Gate, keys, http, new FixedClock(SamplePayloads.Now), _ => { },
                         CancellationToken.None))
        {
            using var client = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
            };
            load = new LoadClient(client, Key);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                for (var b = 0; b < batches; b++)
                {
                    await load.SendAsync(events.AsSpan(((c * batches) + b) * batchSize, batchSize).ToArray(), TimeSpan.FromMilliseconds(100));
                }
            })));
            elapsed = clock.Elapsed;
        }

        var summary = await pipeline.CompleteAsync(TimeProvider.System, CancellationToken.None);
        await sampling.CancelAsync();
        var (workingSet, logBytes) = await peaks;
        var db = options.Database;

        // Every event taken once, stored once: the store's distinct ids equal its rows equal the events sent.
        Assert.True(summary.Balances, $"{summary}");
        Assert.Equal(events.Length, load.Taken.Distinct().Count());
        Assert.Equal(events.Length, load.Taken.Count);
        Assert.Equal($"{events.Length}\t{events.Length}", await PipelineRig.QueryAsync($"SELECT count(), uniqExact(event_id) FROM {db}.raw_events"));
        return new LoadReport(events.Length, elapsed, summary.Stored, new(load.Answers), workingSet, logBytes);
    }

    private static async Task<(long WorkingSet, long LogBytes)> SamplePeaksAsync(EmbeddedPipeline pipeline, CancellationToken stop)
    {
        long workingSet = 0, logBytes = 0;
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            workingSet = Math.Max(workingSet, process.WorkingSet64);
            logBytes = Math.Max(logBytes, pipeline.Progress().BufferedBytes);
            await Task.Delay(25, CancellationToken.None);
        }

        return (workingSet, logBytes);
    }

    private sealed record LoadReport(int Sent, TimeSpan Elapsed, long Stored, Dictionary<HttpStatusCode, int> Answers, long PeakWorkingSet, long PeakLogBytes)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Sent:N0} events in {Elapsed.TotalSeconds:F1} s = {Sent / Elapsed.TotalSeconds:N0} events/s accepted; stored {Stored:N0}; answers {string.Join(", ", Answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key}: {a.Value}"))}; peak working set {PeakWorkingSet / 1048576.0:N0} MiB; peak log {PeakLogBytes / 1048576.0:N1} MiB");
    }
}
