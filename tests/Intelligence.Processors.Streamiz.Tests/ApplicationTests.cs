using System.Text;
using Intelligence.Distributed;
using Intelligence.Kafka;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Intelligence.Processors.Streamiz.Tests;

/// <summary>
/// The processor role end to end in process: <c>ProcessorHost</c> runs the Streamiz application on
/// Streamiz's in-memory cluster (a real <c>KafkaStream</c>: stream threads, consumer group, changelogged
/// stores), with the topics created by the catalogue's admin code, events written as ingest writes them,
/// and its health and metrics served over HTTP. What comes out must equal the embedded engine's.
/// </summary>
public sealed class ApplicationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_processor_role_on_an_in_memory_cluster_ends_the_same_as_the_embedded_engine()
    {
        var events = SimulatedEvents.Generate(1_500);
        var topology = new Topology([new ProductFold()], [new PurchaseCostRouter()]);
        var cluster = new MockCluster();
        var options = InMemoryOptions("app-test");
        var created = await cluster.CreateTopicsAsync(options.Names);
        Assert.All(created, t => Assert.Equal(TopicStatus.Created, t.Status));

        var expected = new Engine(topology, events);
        cluster.Produce(options.EventsTopic, events);

        using var application = new ProcessorApplication(topology, options, NullLoggerFactory.Instance);
        var host = new ProcessorHost(application, new KafkaOptions(), new HealthOptions { Urls = "http://127.0.0.1:0", ReportEvery = TimeSpan.FromSeconds(1) },
            NullLoggerFactory.Instance, cluster.Supplier);
        using var stop = new CancellationTokenSource();
        var running = host.RunAsync(stop.Token);

        var records = cluster.ReadUntil(options.OutputsTopic, count => count >= expected.Rows, TimeSpan.FromSeconds(60));
        var rows = records.Select(r => (Encoding.UTF8.GetString(r.Message.Key), Table(r), Encoding.UTF8.GetString(r.Message.Value))).ToList();
        var differences = ParityCheck.Compare(topology, events, rows, application.StoreContents);
        var status = host.Status();
        using var http = new HttpClient { BaseAddress = new Uri(host.HealthUrls[0]) };
        using var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        await stop.CancelAsync();
        Assert.Equal(0, await running);

        output.WriteLine($"{events.Count} events; engine rows {expected.Rows}, application rows {rows.Count}; state {status.Detail}");
        differences.ToList().ForEach(output.WriteLine);
        Assert.Empty(differences);
        Assert.True(expected.Rows > 0);
        Assert.True(status.Healthy, status.Detail);
        Assert.Contains(status.Metrics, m => m.Name == "intelligence_processor_up" && m.Value == 1);
        Assert.Equal("NOT_RUNNING", application.State);
        Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
        Assert.Contains("intelligence_processor_up{state=\"RUNNING\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_instance_restores_its_stores_from_the_changelog_and_goes_on_where_the_last_one_stopped()
    {
        var events = SimulatedEvents.Generate(1_500);
        var (first, second) = (events.Take(1_000).ToList(), events.Skip(1_000).ToList());
        var topology = new Topology([new ProductFold()], [new PurchaseCostRouter()]);
        var cluster = new MockCluster();
        var options = InMemoryOptions("restart");
        await cluster.CreateTopicsAsync(options.Names);

        cluster.Produce(options.EventsTopic, first);
        var firstRows = new Engine(topology, first).Rows;
        await RunUntilAsync(cluster, topology, options, () => cluster.ReadUntil(options.OutputsTopic, n => n >= firstRows, TimeSpan.FromSeconds(60)));

        cluster.Produce(options.EventsTopic, second);
        var allRows = new Engine(topology, events).Rows;
        IReadOnlyList<string> differences = [];
        var stored = 0;
        await RunUntilAsync(cluster, topology, options, application =>
        {
            var records = cluster.ReadUntil(options.OutputsTopic, n => n >= allRows, TimeSpan.FromSeconds(60));
            stored = records.Count;
            var rows = records.Select(r => (Encoding.UTF8.GetString(r.Message.Key), Table(r), Encoding.UTF8.GetString(r.Message.Value))).ToList();
            differences = ParityCheck.Compare(topology, events, rows, application.StoreContents);
        });

        output.WriteLine($"first instance: {first.Count} events, second: {second.Count}; rows {stored} (engine {allRows})");
        differences.ToList().ForEach(output.WriteLine);
        Assert.Empty(differences);
        Assert.Equal(allRows, stored);

        // The second instance's purchases change states the first built: lost or replayed state would differ.
        Assert.Contains(second, e => e.Payload is Contracts.Supplier.PurchaseOrderCreated);
    }

    /// <summary>
    /// A fresh application on in-memory stores, at least once, with no commit during the test: commits in
    /// the in-memory cluster can replay records (notes/streamiz-and-kafka.md).
    /// </summary>
    private static KafkaProcessingOptions InMemoryOptions(string prefix) => new()
    {
        ApplicationId = $"{prefix}-{Guid.NewGuid():N}"[..24],
        Stores = StoreKind.InMemory,
        Guarantee = DeliveryGuarantee.AtLeastOnce,
        CommitInterval = TimeSpan.FromMinutes(10),
        StateDirectory = Path.Combine(Path.GetTempPath(), $"intelligence-app-{Guid.NewGuid():N}"),
    };

    private static async Task RunUntilAsync(MockCluster cluster, Topology topology, KafkaProcessingOptions options, Action<ProcessorApplication> until)
    {
        using var application = new ProcessorApplication(topology, options, NullLoggerFactory.Instance);
        var host = new ProcessorHost(application, new KafkaOptions(), new HealthOptions { Urls = "http://127.0.0.1:0" },
            NullLoggerFactory.Instance, cluster.Supplier);
        using var stop = new CancellationTokenSource();
        var running = host.RunAsync(stop.Token);
        until(application);
        await stop.CancelAsync();
        Assert.Equal(0, await running);
    }

    private static Task RunUntilAsync(MockCluster cluster, Topology topology, KafkaProcessingOptions options, Action until) =>
        RunUntilAsync(cluster, topology, options, _ => until());

    [Fact]
    public async Task The_processor_role_refuses_to_start_without_its_topics_and_names_the_command_that_creates_them()
    {
        var cluster = new MockCluster();
        using var application = new ProcessorApplication(new Topology([new ProductFold()], []),
            new KafkaProcessingOptions { Stores = StoreKind.InMemory, Guarantee = DeliveryGuarantee.AtLeastOnce }, NullLoggerFactory.Instance);
        var host = new ProcessorHost(application, new KafkaOptions(), new HealthOptions { Urls = "http://127.0.0.1:0" },
            NullLoggerFactory.Instance, cluster.Supplier);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunAsync(CancellationToken.None));

        Assert.Contains("retail-events", error.Message, StringComparison.Ordinal);
        Assert.Contains("./intelligence topics", error.Message, StringComparison.Ordinal);
    }

    private static string Table(Confluent.Kafka.ConsumeResult<byte[], byte[]> record) =>
        record.Message.Headers.TryGetLastBytes(RowRecords.TableHeader, out var table) ? Encoding.UTF8.GetString(table) : "";

    /// <summary>How many rows the embedded engine writes for the events: the application must reach as many.</summary>
    private sealed class Engine
    {
        public Engine(Topology topology, IReadOnlyList<Contracts.RetailEvent> events)
        {
            var engine = new FoldEngine(topology);
            var sink = new Counting();
            foreach (var e in events)
            {
                engine.Process(e, sink);
            }

            Rows = sink.Rows;
        }

        public int Rows { get; }

        private sealed class Counting : IOutputSink
        {
            public int Rows { get; private set; }

            public void Row(OutputRow row) => Rows++;

            public void Failed(in Message message, string fold, Exception error) => Rows++;
        }
    }
}
