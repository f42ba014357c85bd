using Intelligence.Kafka;
using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli.Tests;

/// <summary>The distributed roles' settings: each set in one place, overridable from the command line, named when wrong.</summary>
public sealed class DistributedSettingsTests
{
    private static Settings With(params (string Key, string Value)[] values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void The_brokers_come_from_Kafka_or_the_command_line_and_the_processors_run_on_them()
    {
        var settings = With(("Kafka:BootstrapServers", "kafka-1:9092,kafka-2:9092"), ("Kafka:Processing:ApplicationId", "shop-processors"));

        var processing = settings.KafkaProcessing(settings.Kafka(null));
        var overridden = settings.Kafka("broker:19092");

        Assert.Equal("kafka-1:9092,kafka-2:9092", processing.BootstrapServers);
        Assert.Equal("shop-processors", processing.ApplicationId);
        Assert.Equal("broker:19092", overridden.BootstrapServers);
    }

    [Theory]
    [InlineData("Kafka:Processing:BootstrapServers", "other:9092", "Kafka:BootstrapServers")]
    [InlineData("Kafka:Sink:EventsTopic", "mine", "Kafka:Processing")]
    [InlineData("Kafka:Sink:Database", "other", "ClickHouse:Database")]
    [InlineData("Kafka:BootstrapServers", "no-port", "is not host:port")]
    [InlineData("Kafka:Topics:Partitions", "0", "Kafka:Topics:Partitions 0")]
    [InlineData("Kafka:Producer:Compression", "Brotli", "Compression")]
    public void A_setting_that_is_read_elsewhere_or_out_of_range_stops_the_start_naming_it(string key, string value, string named)
    {
        var settings = With((key, value));

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var kafka = settings.Kafka(null);
            settings.Topics();
            settings.Producer();
            var processing = settings.KafkaProcessing(kafka);
            settings.KafkaSink(processing.Names, settings.ClickHouse());
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sink_reads_the_processors_topics_and_the_servers_database()
    {
        var settings = With(("Kafka:Processing:OutputsTopic", "shop-outputs"), ("ClickHouse:Database", "shop"), ("Kafka:Sink:MaxBatchRows", "1000"));

        var sink = settings.KafkaSink(settings.KafkaProcessing(settings.Kafka(null)).Names, settings.ClickHouse());

        Assert.Equal("shop-outputs", sink.OutputsTopic);
        Assert.Equal("shop", sink.Database);
        Assert.Equal(1000, sink.MaxBatchRows);
        Assert.Equal(new TopicsOptions().Partitions, settings.Topics().Partitions);
    }
}
