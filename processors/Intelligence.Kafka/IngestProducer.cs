using Confluent.Kafka;
using Intelligence.Ingest;
using Microsoft.Extensions.Logging;

namespace Intelligence.Kafka;

/// <summary>
/// The one Kafka producer of an ingest process, and the gate's two writers over it (events and dead
/// letters). Idempotent with acks=all, so a retried write is stored once and only when every in-sync
/// copy has it; records are placed by key with Kafka's default partitioner (murmur2), as the
/// in-process log places them. An event the broker finally refuses is forgotten by the duplicate
/// filter, so the source's resend of it is taken.
/// </summary>
public sealed class IngestProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly ILogger _logger;
    private readonly BrokerHealth _health;
    private long _failedEvents;
    private long _failedDeadLetters;

    public IngestProducer(KafkaOptions kafka, ProducerOptions options, TopicNames topics, DuplicateFilter duplicates,
        ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger<IngestProducer>();
        _health = new BrokerHealth(kafka.BootstrapServers, _logger, () => Ledger.Delivered);
        _producer = new ProducerBuilder<string, byte[]>(Config(kafka, options))
            .SetErrorHandler((_, error) => _health.Report(error))
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .Build();
        Events = new KafkaTopicWriter<AcceptedEvent>(_producer, topics.Events, IngestRecords.Event, Ledger, (accepted, error) =>
        {
            Interlocked.Increment(ref _failedEvents);
            duplicates.Release(accepted.Event.Id);
            _logger.LogError("Event {EventId} was not written to {Topic}: {Reason}; a resend of it will be taken",
                accepted.Event.Id, topics.Events, error.Reason);
        });
        DeadLetters = new KafkaTopicWriter<DeadLetter>(_producer, topics.DeadLetters, IngestRecords.DeadLetter, Ledger, (letter, error) =>
        {
            Interlocked.Increment(ref _failedDeadLetters);
            _logger.LogError("A dead letter from {Source} ({Reason}) was not written to {Topic}: {Error}",
                letter.Source, letter.Rejection.Code, topics.DeadLetters, error.Reason);
        });
    }

    public DeliveryLedger Ledger { get; } = new();

    public KafkaTopicWriter<AcceptedEvent> Events { get; }

    public KafkaTopicWriter<DeadLetter> DeadLetters { get; }

    /// <summary>Whether the brokers answer, as the producer last saw it.</summary>
    public bool BrokersReachable => _health.Reachable;

    public long FailedEvents => Interlocked.Read(ref _failedEvents);

    public long FailedDeadLetters => Interlocked.Read(ref _failedDeadLetters);

    public static ProducerConfig Config(KafkaOptions kafka, ProducerOptions options)
    {
        var config = KafkaClients.Configure(new ProducerConfig(), kafka);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.CompressionType = options.Compression switch
        {
            KafkaCompression.None => CompressionType.None,
            KafkaCompression.Gzip => CompressionType.Gzip,
            KafkaCompression.Snappy => CompressionType.Snappy,
            KafkaCompression.Zstd => CompressionType.Zstd,
            _ => CompressionType.Lz4,
        };
        config.LingerMs = options.LingerMs;
        config.QueueBufferingMaxMessages = options.QueueMaxMessages;
        config.QueueBufferingMaxKbytes = options.QueueMaxKbytes;
        config.MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds;
        config.Partitioner = Partitioner.Murmur2Random;
        config.ClientId = $"intelligence-ingest-{Environment.MachineName}";
        return config;
    }

    /// <summary>Waits until every record handed over is settled, logging progress while Kafka is slow.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var settled = Ledger.WhenSettledAsync(cancellationToken);
        while (await Task.WhenAny(settled, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false) != settled)
        {
            _logger.LogInformation("Waiting for Kafka to confirm {Pending} record(s) ({Delivered} confirmed)",
                Ledger.Pending, Ledger.Delivered);
        }

        await settled.ConfigureAwait(false);
    }

    public void Dispose()
    {
        // Whatever is still queued gets a last chance; DrainAsync is the way to wait for all of it.
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
