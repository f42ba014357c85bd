using Intelligence.Distributed;
using Intelligence.Processors;
using Intelligence.Processors.Streamiz;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence process --kafka</c>: the processors as a Kafka Streams worker (Streamiz).</summary>
public static class ProcessCommand
{
    public const string Usage = """
        intelligence process --kafka BROKERS [--data DIR]

        Runs the processors on Kafka: the same folds as the embedded runtime, hosted by Streamiz, with
        state stores backed by changelog topics. Reads retail-events, writes rows, alerts and dead
        letters to their topics (the sink stores them in ClickHouse). Instances with the same
        Kafka:Processing:ApplicationId share the partitions; a new or restarted instance restores its
        stores from the changelogs. Serves /healthz and /metrics (lag per partition) on Health:Urls.
        Runs until Ctrl+C or SIGTERM, then commits and closes the stores.

          --kafka BROKERS    host:port[,host:port] (default Kafka:BootstrapServers, localhost:9092)
          --data DIR         where the anomaly models are read from (DIR/models; default ./data)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        Settings: Kafka:Processing (guarantee, state directory, threads, ...), Processors, Health.
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["kafka", "data", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings, Serilog.ILogger log, CancellationToken stop)
    {
        var kafka = settings.Kafka(line.Value("kafka"));
        var processing = settings.KafkaProcessing(kafka);
        var health = settings.Health();
        var data = line.Value("data") ?? settings.DataDirectory;
        var processors = RunCommand.WithModel(settings.Embedded().Processors, Path.Combine(data, "models"), log);
        using var loggers = Logging.Factory(log);
        using var application = new ProcessorApplication(RetailTopology.Build(processors), processing, loggers, kafka);
        return await new ProcessorHost(application, kafka, health, loggers).RunAsync(stop);
    }
}
