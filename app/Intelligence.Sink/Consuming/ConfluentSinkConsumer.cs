using Confluent.Kafka;
using Intelligence.Kafka;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink.Consuming;

/// <summary>
/// <see cref="ISinkConsumer"/> over a Confluent.Kafka consumer in the sink's group: offsets are
/// stored and committed only by the sink (never automatically), transactions' aborted records are
/// not read (read_committed), and librdkafka's log and errors go to the logger instead of stderr.
/// </summary>
public sealed class ConfluentSinkConsumer : ISinkConsumer
{
    private static readonly TimeSpan BrokerCallTimeout = TimeSpan.FromSeconds(30);

    private readonly ConsumerConfig _config;
    private readonly ILogger _logger;
    private readonly BrokerHealth _health;
    private readonly IConsumer<Ignore, byte[]> _consumer;
    private Action<IReadOnlyList<PartitionId>>? _assigned;
    private Action<IReadOnlyList<PartitionId>>? _revoked;
    private long _received;

    public ConfluentSinkConsumer(KafkaOptions kafka, KafkaSinkOptions options, ILogger logger)
    {
        _config = Config(kafka, options);
        _logger = logger;
        _health = new BrokerHealth(kafka.BootstrapServers, logger, () => Interlocked.Read(ref _received));
        _consumer = new ConsumerBuilder<Ignore, byte[]>(_config)
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .SetErrorHandler((_, error) => _health.Report(error))
            .SetPartitionsAssignedHandler((_, partitions) => _assigned?.Invoke(partitions.Select(Id).ToList()))
            .SetPartitionsRevokedHandler((_, partitions) => _revoked?.Invoke(partitions.Select(p => Id(p.TopicPartition)).ToList()))
            .SetPartitionsLostHandler((_, partitions) => _revoked?.Invoke(partitions.Select(p => Id(p.TopicPartition)).ToList()))
            .Build();
    }

    public IReadOnlyList<PartitionId> Assignment => _consumer.Assignment.Select(Id).ToList();

    /// <summary>The consumer configuration the sink runs with: the shared connection settings plus the sink's own.</summary>
    public static ConsumerConfig Config(KafkaOptions kafka, KafkaSinkOptions options)
    {
        var config = KafkaClients.Configure(new ConsumerConfig(), kafka);
        config.GroupId = options.GroupId;
        config.ClientId = $"intelligence-sink-{Environment.MachineName}";

        // Offsets move only when a batch is stored: the sink commits them itself, synchronously.
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;

        // The processors write in Kafka transactions: rows of an aborted one must not be stored.
        config.IsolationLevel = IsolationLevel.ReadCommitted;

        // A rebalance moves only the partitions that change hands; the others keep their batch.
        config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
        config.QueuedMaxMessagesKbytes = options.QueuedMaxMessagesKbytes;
        config.FetchMaxBytes = options.FetchMaxBytes;
        config.MaxPollIntervalMs = (int)options.MaxPollInterval.TotalMilliseconds;
        return config;
    }

    public void Subscribe(IReadOnlyList<string> topics, Action<IReadOnlyList<PartitionId>> assigned,
        Action<IReadOnlyList<PartitionId>> revoked)
    {
        _assigned = assigned;
        _revoked = revoked;
        _consumer.Subscribe(topics);
    }

    public SinkRecord? Poll(TimeSpan timeout)
    {
        try
        {
            var result = _consumer.Consume(timeout);
            if (result is null || result.IsPartitionEOF)
            {
                return null;
            }

            Interlocked.Increment(ref _received);
            return Record(result);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            // A partition error (leader moving, topic being created) passes; the next poll goes on.
            _logger.LogWarning("Kafka consume error: {Reason} ({Code})", ex.Error.Reason, ex.Error.Code);
            return null;
        }
    }

    public IReadOnlyDictionary<PartitionId, long?> Committed(IReadOnlyList<PartitionId> partitions) =>
        _consumer.Committed(partitions.Select(Tp), BrokerCallTimeout)
            .ToDictionary(c => Id(c.TopicPartition), c => c.Offset.IsSpecial ? (long?)null : c.Offset.Value);

    public void Commit(IReadOnlyList<PartitionOffset> offsets) =>
        _consumer.Commit(offsets.Select(o => new TopicPartitionOffset(Tp(o.Partition), new Offset(o.Offset))));

    public long? Position(PartitionId partition)
    {
        var position = _consumer.Position(Tp(partition));
        return position.IsSpecial ? null : position.Value;
    }

    public long? HighWatermark(PartitionId partition)
    {
        var high = _consumer.GetWatermarkOffsets(Tp(partition)).High;
        return high.IsSpecial ? null : high.Value;
    }

    public void Pause(IReadOnlyList<PartitionId> partitions) => _consumer.Pause(partitions.Select(Tp));

    public void Resume(IReadOnlyList<PartitionId> partitions) => _consumer.Resume(partitions.Select(Tp));

    public void Seek(PartitionId partition, long offset) => _consumer.Seek(new TopicPartitionOffset(Tp(partition), new Offset(offset)));

    public IReadOnlyList<SinkRecord> ReadRange(PartitionId partition, long first, long last, CancellationToken cancellationToken) =>
        RangeReader.Read(_config, _logger, partition, first, last, cancellationToken);

    public void Close() => _consumer.Close();

    public void Dispose() => _consumer.Dispose();

    internal static SinkRecord Record(ConsumeResult<Ignore, byte[]> result)
    {
        var message = result.Message;
        var headers = message.Headers is { Count: > 0 } h
            ? h.Select(x => new KeyValuePair<string, byte[]>(x.Key, x.GetValueBytes() ?? [])).ToList()
            : [];
        return new SinkRecord(Id(result.TopicPartition), result.Offset.Value,
            new DateTimeOffset(message.Timestamp.UtcDateTime, TimeSpan.Zero), message.Value ?? [], headers);
    }

    internal static PartitionId Id(TopicPartition tp) => new(tp.Topic, tp.Partition.Value);

    internal static TopicPartition Tp(PartitionId id) => new(id.Topic, new Partition(id.Partition));
}
