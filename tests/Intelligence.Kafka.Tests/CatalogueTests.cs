using Intelligence.Distributed;
using Intelligence.Kafka;

namespace Intelligence.Kafka.Tests;

public sealed class CatalogueTests
{
    private static readonly TopicNames Names = new("e", "m", "o", "d", "a");

    [Fact]
    public void Every_topic_is_declared_once_with_the_configured_partitions_and_its_retention()
    {
        var topics = TopicCatalog.Declare(Names, new TopicsOptions { Partitions = 24, EventsRetention = TimeSpan.FromDays(3) });

        Assert.Equal(["e", "m", "o", "a", "d"], topics.Select(t => t.Name));
        Assert.All(topics, t => Assert.Equal(24, t.Partitions));
        Assert.Equal((3L * 24 * 3600 * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            topics[0].Configs["retention.ms"]);
        Assert.All(topics, t => Assert.Equal("producer", t.Configs["compression.type"]));
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(2, "1")]
    [InlineData(3, "2")]
    public void Writes_need_two_in_sync_copies_only_where_there_are_three(short replicas, string minimum) =>
        Assert.All(TopicCatalog.Declare(Names, new TopicsOptions { ReplicationFactor = replicas }),
            t => Assert.Equal(minimum, t.Configs["min.insync.replicas"]));

    [Fact]
    public void Settings_out_of_range_are_named_with_their_range()
    {
        Assert.Contains(new TopicsOptions { Partitions = 0 }.Problems(), p => p.Contains("Kafka:Topics:Partitions 0 must be from 1", StringComparison.Ordinal));
        Assert.Contains(new ProducerOptions { QueueMaxMessages = 10 }.Problems(), p => p.Contains("Kafka:Producer:QueueMaxMessages", StringComparison.Ordinal));
        Assert.Contains(new KafkaOptions { BootstrapServers = "kafka" }.Problems(), p => p.Contains("'kafka' is not host:port", StringComparison.Ordinal));
        Assert.Contains(new KafkaOptions { SecurityProtocol = KafkaSecurity.SaslSsl }.Problems(),
            p => p.Contains("Kafka:SaslUsername", StringComparison.Ordinal));
        Assert.Empty(new KafkaOptions().Problems());
        Assert.Contains(new HealthOptions { Urls = "https://0.0.0.0:1" }.Problems(), p => p.Contains("Health:Urls", StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_are_served_in_Prometheus_text_with_one_help_line_per_family_and_escaped_labels()
    {
        var status = new RoleStatus(true, "ok",
        [
            Metric.Gauge("intelligence_consumer_lag", "records behind", 5, new Dictionary<string, string> { ["topic"] = "a\"b", ["partition"] = "0" }),
            Metric.Gauge("intelligence_consumer_lag", "records behind", 7, new Dictionary<string, string> { ["topic"] = "c", ["partition"] = "1" }),
        ]);

        var text = status.ToPrometheus();

        Assert.Equal(1, text.Split('\n').Count(l => l.StartsWith("# HELP", StringComparison.Ordinal)));
        Assert.Contains("intelligence_consumer_lag{topic=\"a\\\"b\",partition=\"0\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("intelligence_consumer_lag{topic=\"c\",partition=\"1\"} 7\n", text, StringComparison.Ordinal);
    }
}
