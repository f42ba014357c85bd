using Confluent.Kafka;
using Intelligence.Kafka;

namespace Intelligence.Cli.Commands;

/// <summary><c>intelligence topics</c>: creates the distributed runtime's topics, leaving existing ones alone.</summary>
public static class TopicsCommand
{
    public const string Usage = """
        intelligence topics [--kafka BROKERS]

        Creates the topics of the distributed runtime that do not exist yet (events, fold messages,
        outputs, alerts, dead letters), with the partitions, replication and retention of
        Kafka:Topics. Safe to run again: existing topics are left as they are, and one with fewer
        partitions than configured is reported. Streamiz creates the processors' changelog topics.

          --kafka BROKERS    host:port[,host:port] (default Kafka:BootstrapServers, localhost:9092)
          --config FILE      extra settings (JSON, same shape as appsettings.json)
        """;

    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(["kafka", "config"]);

    public static readonly IReadOnlySet<string> Flags = new HashSet<string>();

    public static async Task<int> ExecuteAsync(CommandLine line, Settings settings)
    {
        var kafka = settings.Kafka(line.Value("kafka"));
        var topics = TopicCatalog.Declare(settings.KafkaProcessing(kafka).Names, settings.Topics());
        using var admin = KafkaClients.Admin(kafka);
        var outcomes = await TopicAdmin.EnsureAsync(admin, topics, TimeSpan.FromSeconds(15), kafka.BootstrapServers);
        foreach (var (topic, outcome) in topics.Zip(outcomes))
        {
            System.Console.Out.WriteLine($"{outcome.Status.ToString().ToLowerInvariant(),-16} {topic.Name,-24} {outcome.Partitions,3} partitions  {topic.Purpose}");
            if (outcome.Problem is not null)
            {
                System.Console.Error.WriteLine($"  warning: {outcome.Problem}");
            }
        }

        return 0;
    }
}
