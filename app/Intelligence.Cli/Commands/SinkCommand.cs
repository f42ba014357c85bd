using Intelligence.Analytics.ClickHouse;
using Intelligence.Distributed;
using Intelligence.Sink;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence sink --kafka --clickhouse</c>: the output topics into a ClickHouse server.</summary>
public static class SinkCommand
{
    public const string Usage = """
        intelligence sink --kafka BROKERS --clickhouse URL [--database NAME]

        The sink role of the distributed runtime: reads the events, outputs and dead-letter topics and
        writes them to the ClickHouse server through ClickHouse.Driver, in batches (Kafka:Sink:MaxBatchRows,
        MaxBatchBytes, Linger), retried with backoff while the server fails, each insert with a
        deduplication token, offsets committed only once the batch is stored. A batch stored but not
        committed before a crash is settled again with the same tokens, so it is stored once
        (app/Intelligence.Sink/README.md). Instances with the same Kafka:Sink:GroupId share the partitions.
        Applies the schema first. Serves /healthz and /metrics on Health:Urls. Runs until Ctrl+C or SIGTERM.

          --kafka BROKERS    host:port[,host:port] (default Kafka:BootstrapServers, localhost:9092)
          --clickhouse URL   the server's HTTP interface (default ClickHouse:Url, http://localhost:8123)
          --database NAME    the database (default ClickHouse:Database, intelligence)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["kafka", "clickhouse", "database", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log, CancellationToken stop)
    {
        var kafka = settings.Kafka(line.Value("kafka"));
        var clickhouse = settings.ClickHouse(line.Value("clickhouse"), line.Value("database"));
        var options = settings.KafkaSink(settings.KafkaProcessing(kafka).Names, clickhouse);
        var health = settings.Health();
        using var loggers = Logging.Factory(log);
        await using var store = ClickHouseServerStore.Connect(clickhouse);
        log.Information("Sink: {Topics} on {Brokers} into {Store}, database {Database}, group {Group}",
            string.Join(", ", options.Topics), kafka.BootstrapServers, store.Description, options.Database, options.GroupId);
        using var worker = new SinkWorker(kafka, options, store, loggers, TimeProvider.System);
        await new SinkHost(worker, health, loggers).RunAsync(stop);
        log.Information("Sink stopped: what was stored is committed");
        return 0;
    }
}
