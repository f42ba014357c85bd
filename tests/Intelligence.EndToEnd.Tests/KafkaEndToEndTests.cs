using Confluent.Kafka;
using DotNet.Testcontainers.Configurations;
using Intelligence.Analytics.Chdb;
using Intelligence.Analytics.ClickHouse;
using Intelligence.Contracts;
using Intelligence.Distributed;
using Intelligence.Ingest;
using Intelligence.Kafka;
using Intelligence.Processors;
using Intelligence.Processors.Streamiz;
using Intelligence.Simulator;
using Intelligence.Sink;
using Intelligence.Testing.ClickHouseHttp;
using Microsoft.Extensions.Logging.Abstractions;
using Testcontainers.Kafka;
using Xunit.Abstractions;

namespace Intelligence.EndToEnd.Tests;

/// <summary>
/// The distributed runtime on a real broker: topics created by the catalogue, simulated events through
/// the ingest gate and producer, the processors as a Streamiz application, the sink writing through
/// ClickHouse.Driver to the ClickHouse engine, and the account checked by SQL. Needs a Docker engine for
/// Kafka (Testcontainers); where there is none it is reported as skipped, with the reason.
/// </summary>
public sealed class KafkaEndToEndTests(ITestOutputHelper output)
{
    private const string NoDocker =
        "No Docker engine here, so Kafka cannot run in Testcontainers. Without a broker the same roles are tested in " +
        "Intelligence.Kafka.Tests (librdkafka), Intelligence.Processors.Streamiz.Tests (a KafkaStream on Streamiz's in-memory cluster) " +
        "and Intelligence.Sink.Tests (the worker into chDB).";

    [SkippableFact]
    public async Task Events_produced_to_Kafka_are_processed_sunk_into_ClickHouse_and_add_up_in_SQL()
    {
        Skip.If(TestcontainersSettings.OS.DockerEndpointAuthConfig is null, NoDocker);

        await using var broker = new KafkaBuilder("confluentinc/cp-kafka:7.9.0").Build();
        await broker.StartAsync();
        var kafka = new KafkaOptions { BootstrapServers = new Uri(broker.GetBootstrapAddress()).Authority };
        var processing = new KafkaProcessingOptions
        {
            ApplicationId = $"e2e-{Guid.NewGuid():N}"[..20],
            BootstrapServers = kafka.BootstrapServers,
            StateDirectory = Path.Combine(Path.GetTempPath(), $"intelligence-e2e-{Guid.NewGuid():N}"),
            Stores = StoreKind.InMemory,
        };
        using (var admin = KafkaClients.Admin(kafka))
        {
            await TopicAdmin.EnsureAsync(admin, TopicCatalog.Declare(processing.Names, new TopicsOptions { Partitions = 3 }),
                TimeSpan.FromSeconds(30), kafka.BootstrapServers);
        }

        // Ingest: 3,000 simulated inputs (bad ones included) through the gate into Kafka.
        var duplicates = new DuplicateFilter(100_000);
        var counters = new IngestCounters();
        var simulator = new RetailSimulator(new SimulationOptions { Events = 3_000, Seed = 11 });
        using (var producer = new IngestProducer(kafka, new ProducerOptions(), processing.Names, duplicates, NullLoggerFactory.Instance))
        {
            var gate = new IngestGate(new EventReader(new EventReaderOptions(), simulator.Clock), duplicates, producer.Events,
                producer.DeadLetters, counters);
            var source = new InputSource("simulator", simulator.Clock);
            foreach (var input in simulator.Generate())
            {
                await gate.SubmitAsync(input.Json, source, CancellationToken.None);
            }

            await producer.DrainAsync(CancellationToken.None);
            Assert.Equal(0, producer.Ledger.Failed);
        }

        var totals = counters.Snapshot();

        // Process and sink, into the ClickHouse engine behind its HTTP interface, through ClickHouse.Driver.
        await using var engine = ChdbStore.Open(null);
        await using var server = await ChdbHttpServer.StartAsync(engine);
        var database = $"e2e_{Guid.NewGuid():N}"[..16];
        await using var store = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = server.Url.ToString(), Database = database });
        var health = new HealthOptions { Urls = "http://127.0.0.1:0", ReportEvery = TimeSpan.FromSeconds(2) };
        using var stop = new CancellationTokenSource();
        using var application = new ProcessorApplication(RetailTopology.Build(new ProcessorOptions()), processing, NullLoggerFactory.Instance, kafka);
        var processors = new ProcessorHost(application, kafka, health, NullLoggerFactory.Instance).RunAsync(stop.Token);
        using var worker = new SinkWorker(kafka, new KafkaSinkOptions { Database = database, GroupId = $"e2e-sink-{Guid.NewGuid():N}" },
            store, NullLoggerFactory.Instance, TimeProvider.System);
        var sink = new SinkHost(worker, health, NullLoggerFactory.Instance).RunAsync(stop.Token);

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        long events = 0, deadLetters = 0;
        while (DateTime.UtcNow < deadline && (events < totals.Accepted || deadLetters < totals.Rejected))
        {
            await Task.Delay(1_000);
            events = await CountAsync(store, $"{database}.raw_events");
            deadLetters = await CountAsync(store, $"{database}.dead_letters WHERE source != ''");
        }

        var stockRows = await CountAsync(store, $"{database}.stock_positions FINAL");
        await stop.CancelAsync();
        Assert.Equal(0, await processors);
        await sink;

        output.WriteLine($"accepted {totals.Accepted}, rejected {totals.Rejected}, duplicates {totals.Duplicates}; stored events {events}, dead letters {deadLetters}, stock positions {stockRows}");
        Assert.Equal(totals.Accepted, events);
        Assert.True(deadLetters >= totals.Rejected, $"{deadLetters} dead letters stored, {totals.Rejected} refused at ingest");
        Assert.True(stockRows > 0, "the processors' rows reached ClickHouse");
    }

    private static async Task<long> CountAsync(ClickHouseServerStore store, string from) =>
        long.Parse((await store.QueryAsync($"SELECT count() FROM {from}", "TabSeparated")).Text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
