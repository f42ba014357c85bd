using Intelligence.Analytics.ClickHouse;
using Intelligence.Distributed;
using Intelligence.Kafka;
using Intelligence.Processors.Streamiz;
using Intelligence.Sink;
using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli;

/// <summary>The distributed roles' settings: Kafka, its topics and producer, the processors on Streamiz, health.</summary>
public sealed partial class Settings
{
    /// <summary>Section <c>Kafka</c>; <paramref name="brokers"/> (from <c>--kafka</c>) overrides the brokers.</summary>
    public KafkaOptions Kafka(string? brokers)
    {
        var kafka = OptionsBinder.Bind<KafkaOptions>(configuration.GetSection(KafkaOptions.Section));
        if (brokers is not null)
        {
            kafka = kafka with { BootstrapServers = brokers };
        }

        return Valid(kafka, kafka.Problems(), "Kafka");
    }

    public TopicsOptions Topics() =>
        Valid(OptionsBinder.Bind<TopicsOptions>(configuration.GetSection(TopicsOptions.Section)), o => o.Problems(), "the Kafka topics");

    public ProducerOptions Producer() =>
        Valid(OptionsBinder.Bind<ProducerOptions>(configuration.GetSection(ProducerOptions.Section)), o => o.Problems(), "the Kafka producer");

    /// <summary>Section <c>Kafka:Processing</c>, on the brokers of <paramref name="kafka"/>.</summary>
    public KafkaProcessingOptions KafkaProcessing(KafkaOptions kafka)
    {
        if (configuration["Kafka:Processing:BootstrapServers"] is not null)
        {
            throw new UsageException("Kafka:Processing:BootstrapServers is not read: every role takes its brokers from Kafka:BootstrapServers (or --kafka).");
        }

        var processing = OptionsBinder.Bind<KafkaProcessingOptions>(configuration.GetSection("Kafka:Processing"))
            with { BootstrapServers = kafka.BootstrapServers };
        return Valid(processing, processing.Problems(), "the processors on Kafka");
    }

    /// <summary>
    /// Section <c>Kafka:Sink</c>. The topics are the processors' (<c>Kafka:Processing:*Topic</c>) and the
    /// database is the server's (<c>ClickHouse:Database</c>): each is set in one place only.
    /// </summary>
    public KafkaSinkOptions KafkaSink(TopicNames topics, ClickHouseOptions clickhouse)
    {
        foreach (var key in new[] { "EventsTopic", "OutputsTopic", "DeadLetterTopic", "Database" })
        {
            if (configuration[$"{KafkaSinkOptions.Section}:{key}"] is not null)
            {
                throw new UsageException(key == "Database"
                    ? "Kafka:Sink:Database is not read: the sink writes to ClickHouse:Database (or --database)."
                    : $"Kafka:Sink:{key} is not read: topic names are set once, in Kafka:Processing.");
            }
        }

        var sink = OptionsBinder.Bind<KafkaSinkOptions>(configuration.GetSection(KafkaSinkOptions.Section)) with
        {
            EventsTopic = topics.Events,
            OutputsTopic = topics.Outputs,
            DeadLetterTopic = topics.DeadLetters,
            Database = clickhouse.Database,
        };
        return Valid(sink, sink.Problems(), "the sink");
    }

    public HealthOptions Health() =>
        Valid(OptionsBinder.Bind<HealthOptions>(configuration.GetSection(HealthOptions.Section)), o => o.Problems(), "the health endpoint");

    private static T Valid<T>(T options, Func<T, IEnumerable<string>> problems, string what) =>
        Valid(options, problems(options), what);

    private static T Valid<T>(T options, IEnumerable<string> problems, string what)
    {
        var found = problems.ToList();
        return found.Count == 0
            ? options
            : throw new UsageException($"Configuration of {what} is invalid:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", found));
    }
}
