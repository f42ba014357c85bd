using System.Globalization;
using Confluent.Kafka;
using Intelligence.Contracts;
using Intelligence.Distributed;
using Intelligence.Ingest;
using Intelligence.Kafka;
using Intelligence.Simulator;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence ingest --kafka</c>: the ingest role, from a source through the gate to Kafka.</summary>
public static class IngestCommand
{
    public const string Usage = $"""
        intelligence ingest --kafka BROKERS [--source http|file|simulator] [options]

        The ingest role of the distributed runtime: inputs are validated and de-duplicated by the
        same gate as the embedded run, accepted events go to the events topic (key = the event's
        partition key) and refused inputs to the dead-letter topic with their reason. One
        idempotent producer (acks=all); while Kafka is slow or down, records wait in a bounded
        local queue and then the source waits (HTTP answers 503 with Retry-After). An HTTP batch is
        answered only once Kafka has confirmed it. Ends with the account of every input.

          --kafka BROKERS    host:port[,host:port] (default Kafka:BootstrapServers, localhost:9092)
          --source KIND      http (default), file, or simulator
          --input FILE       the JSON-lines file to read (with --source file)
          --urls URL         where the HTTP source listens (default Ingest:Http:Urls, http://127.0.0.1:5080)
          --duration SECS    with --source http: stop after this many seconds (default: until Ctrl+C)
          --as-of ISO        with --source file: judge event times as of this instant
          --data DIR         where api-keys.txt is read from (default ./data)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        Simulator options:
        {SimulationArguments.Help}
        """;

    public static readonly IReadOnlySet<string> Valued =
        new HashSet<string>(SimulationArguments.Valued.Concat(["kafka", "source", "input", "urls", "duration", "as-of", "data", "config"]));

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(SimulationArguments.Flags);

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log, CancellationToken stop)
    {
        var kind = line.Value("source") ?? "http";
        InputSources.Require(kind, line.Value("input"));
        var kafka = settings.Kafka(line.Value("kafka"));
        var topics = settings.KafkaProcessing(kafka).Names;
        var embedded = settings.Embedded();
        var health = settings.Health();
        var http = settings.Http(line.Value("data") ?? settings.DataDirectory);
        if (line.Value("urls") is { } urls)
        {
            http.Urls = urls;
        }

        using var loggers = Logging.Factory(log);
        RequireTopics(kafka, topics);
        var duplicates = new DuplicateFilter(embedded.DuplicateWindow);
        using var producer = new IngestProducer(kafka, settings.Producer(), topics, duplicates, loggers);
        var counters = new IngestCounters();
        var gate = new IngestGate(new EventReader(embedded.Reader, TimeProvider.System), duplicates, producer.Events,
            producer.DeadLetters, counters);
        log.Information("Ingest to {Topic} on {Brokers} from {Source}", topics.Events, kafka.BootstrapServers, kind);

        RetailSimulator? simulator = null;
        if (kind == "simulator")
        {
            var simulation = SimulationArguments.From(line);
            simulator = new RetailSimulator(simulation);
            log.Information("Simulating: {Simulation}", SimulationArguments.Describe(simulation));
        }

        Exception? failure = null;
        await using (await HealthEndpoint.StartAsync(health, () => Status(counters, producer), loggers, stop))
        {
            try
            {
                await InputSources.RunAsync(kind, gate, simulator, http, line, log, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                log.Warning("Stopped by the user: waiting for Kafka to confirm what was accepted");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
                log.Error(ex, "The {Source} source failed: waiting for Kafka to confirm what was accepted", kind);
            }

            using var drain = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await producer.DrainAsync(drain.Token);
            }
            catch (OperationCanceledException)
            {
                log.Error("Kafka did not confirm {Pending} record(s) within 2 minutes; they may not be stored", producer.Ledger.Pending);
            }
        }

        var totals = counters.Snapshot();
        var unconfirmed = producer.Ledger.Pending;
        System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"received {totals.Received:N0} = accepted {totals.Accepted:N0} + duplicates {totals.Duplicates:N0} + rejected {totals.Rejected:N0}"));
        System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Kafka confirmed {producer.Ledger.Delivered:N0} record(s) (events and dead letters); failed: {producer.FailedEvents:N0} event(s), {producer.FailedDeadLetters:N0} dead letter(s); unconfirmed: {unconfirmed:N0}"));
        var balanced = totals.Received == totals.Accepted + totals.Duplicates + totals.Rejected;
        return failure is null && balanced && unconfirmed == 0 && producer.FailedEvents + producer.FailedDeadLetters == 0 ? 0 : 1;
    }

    private static RoleStatus Status(IngestCounters counters, IngestProducer producer)
    {
        var totals = counters.Snapshot();
        var reachable = producer.BrokersReachable;
        return new RoleStatus(reachable,
            reachable ? $"ingest up; {producer.Ledger.Pending} record(s) awaiting Kafka" : "Kafka does not answer; records wait in the local queue",
            [
                Metric.Counter("intelligence_ingest_received_total", "inputs received", totals.Received),
                Metric.Counter("intelligence_ingest_accepted_total", "events accepted", totals.Accepted),
                Metric.Counter("intelligence_ingest_duplicates_total", "inputs dropped as duplicates", totals.Duplicates),
                Metric.Counter("intelligence_ingest_rejected_total", "inputs dead-lettered", totals.Rejected),
                Metric.Counter("intelligence_ingest_kafka_delivered_total", "records Kafka confirmed", producer.Ledger.Delivered),
                Metric.Counter("intelligence_ingest_kafka_failed_total", "records Kafka refused for good", producer.Ledger.Failed),
                Metric.Gauge("intelligence_ingest_kafka_pending", "records awaiting Kafka's confirmation", producer.Ledger.Pending),
                Metric.Gauge("intelligence_kafka_reachable", "1 while the brokers answer", reachable ? 1 : 0),
            ]);
    }

    private static void RequireTopics(KafkaOptions kafka, TopicNames topics)
    {
        using var admin = KafkaClients.Admin(kafka);
        TopicAdmin.RequireExisting(admin, [topics.Events, topics.DeadLetters], TimeSpan.FromSeconds(10), kafka.BootstrapServers);
    }
}
