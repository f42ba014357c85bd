using Intelligence.Distributed;
using Intelligence.Kafka;
using Intelligence.Processors.Streamiz;
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
