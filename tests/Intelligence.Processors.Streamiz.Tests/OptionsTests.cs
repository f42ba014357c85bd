using Confluent.Kafka;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Streamiz.Kafka.Net;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_the_documented_topics()
    {
        var options = new KafkaProcessingOptions();

        Assert.Empty(options.Problems());
        Assert.Equal(("retail-events", "retail-outputs"), (options.EventsTopic, options.OutputsTopic));
        Assert.Equal(StoreKind.RocksDb, options.Stores);
    }

    [Fact]
    public void Each_invalid_setting_is_named_with_its_valid_range()
    {
        var options = new KafkaProcessingOptions
        {
            ApplicationId = "has space", BootstrapServers = " ", OutputsTopic = "retail-events", CommitInterval = TimeSpan.Zero,
            Threads = 0, StateDirectory = "",
        };

        var problems = options.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Kafka:Processing:ApplicationId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Kafka:Processing:BootstrapServers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("EventsTopic and OutputsTopic", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CommitInterval", StringComparison.Ordinal) && p.Contains("00:10:00", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Threads 0 must be from 1 to 64", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Kafka:Processing:StateDirectory", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void The_stream_config_carries_every_setting()
    {
        var options = new KafkaProcessingOptions
        {
            ApplicationId = "shop-processors", BootstrapServers = "kafka-1:9092,kafka-2:9092", Guarantee = DeliveryGuarantee.AtLeastOnce,
            StateDirectory = "/var/lib/shop/state", CommitInterval = TimeSpan.FromMilliseconds(250), Threads = 3,
        };

        var config = ProcessorApplication.Configure(options);

        Assert.Equal("shop-processors", config.ApplicationId);
        Assert.Equal("kafka-1:9092,kafka-2:9092", config.BootstrapServers);
        Assert.Equal(ProcessingGuarantee.AT_LEAST_ONCE, config.Guarantee);
        Assert.Equal("/var/lib/shop/state", config.StateDir);
        Assert.Equal(250, config.CommitIntervalMs);
        Assert.Equal(3, config.NumStreamThreads);
        Assert.Equal(Partitioner.Murmur2Random, config.Partitioner);
        Assert.True(config.DefaultPartitionerReshuffleEveryKey);
        Assert.Equal(ProcessingGuarantee.EXACTLY_ONCE, ProcessorApplication.Configure(new KafkaProcessingOptions()).Guarantee);
    }

    [Fact]
    public void An_application_refuses_invalid_settings_and_lists_the_topics_it_needs()
    {
        var topology = new Topology([new ProductFold()], [new PurchaseCostRouter()]);

        var error = Assert.Throws<ArgumentException>(() => new ProcessorApplication(topology, new KafkaProcessingOptions { Threads = 100 }));
        using var application = new ProcessorApplication(topology, new KafkaProcessingOptions());

        Assert.Contains("Threads 100", error.Message, StringComparison.Ordinal);
        Assert.Equal(["retail-events", "retail-fold-messages", "retail-outputs", "retail-dead-letters", "retail-alerts"], application.Topics);
    }
}
