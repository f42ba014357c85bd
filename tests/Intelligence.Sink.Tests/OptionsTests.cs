using Confluent.Kafka;
using Intelligence.Kafka;
using Intelligence.Sink.Consuming;

namespace Intelligence.Sink.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_read_the_three_topics_of_the_distributed_runtime()
    {
        var options = new KafkaSinkOptions();

        Assert.Empty(options.Problems());
        Assert.Equal(["retail-events", "retail-outputs", "retail-dead-letters"], options.Topics);
        Assert.Equal("intelligence-clickhouse-sink", options.GroupId);
        Assert.Equal((50_000, 64 * 1024 * 1024), (options.MaxBatchRows, options.MaxBatchBytes));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)),
            (options.Linger, options.InitialBackoff, options.MaxBackoff));
    }

    [Theory]
    [InlineData("GroupId")]
    [InlineData("Database")]
    [InlineData("EventsTopic")]
    [InlineData("MaxBatchRows")]
    [InlineData("MaxBatchBytes")]
    [InlineData("Linger")]
    [InlineData("InitialBackoff")]
    [InlineData("MaxBackoff")]
    [InlineData("QueuedMaxMessagesKbytes")]
    [InlineData("FetchMaxBytes")]
    [InlineData("MaxPollInterval")]
    public void Each_invalid_setting_is_named_with_its_range(string setting)
    {
        var options = setting switch
        {
            "GroupId" => new KafkaSinkOptions { GroupId = "a group" },
            "Database" => new KafkaSinkOptions { Database = "intelligence; DROP" },
            "EventsTopic" => new KafkaSinkOptions { EventsTopic = "retail-outputs" },
            "MaxBatchRows" => new KafkaSinkOptions { MaxBatchRows = 0 },
            "MaxBatchBytes" => new KafkaSinkOptions { MaxBatchBytes = 1024 },
            "Linger" => new KafkaSinkOptions { Linger = TimeSpan.FromHours(1) },
            "InitialBackoff" => new KafkaSinkOptions { InitialBackoff = TimeSpan.Zero },
            "MaxBackoff" => new KafkaSinkOptions { MaxBackoff = TimeSpan.FromMilliseconds(10) },
            "QueuedMaxMessagesKbytes" => new KafkaSinkOptions { QueuedMaxMessagesKbytes = 10 },
            "FetchMaxBytes" => new KafkaSinkOptions { FetchMaxBytes = 100 },
            _ => new KafkaSinkOptions { MaxPollInterval = TimeSpan.FromSeconds(5) },
        };

        var problem = Assert.Single(options.Problems());
        Assert.Contains($"Kafka:Sink:{setting}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_consumer_commits_only_by_hand_reads_committed_transactions_and_bounds_its_prefetch()
    {
        var config = ConfluentSinkConsumer.Config(new KafkaOptions { BootstrapServers = "broker-1:9092" },
            new KafkaSinkOptions { QueuedMaxMessagesKbytes = 4096, FetchMaxBytes = 8 * 1024 * 1024 });

        Assert.Equal("broker-1:9092", config.BootstrapServers);
        Assert.Equal("intelligence-clickhouse-sink", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.False(config.EnableAutoOffsetStore);
        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
        Assert.Equal(IsolationLevel.ReadCommitted, config.IsolationLevel);
        Assert.Equal((4096, 8 * 1024 * 1024), (config.QueuedMaxMessagesKbytes, config.FetchMaxBytes));
        Assert.Equal(300_000, config.MaxPollIntervalMs);
    }
}
