namespace Intelligence.Kafka;

/// <summary>
/// How ingest writes to Kafka (section <c>Kafka:Producer</c>). Idempotence and acks=all are not
/// settings: without them a retried write can be duplicated or lost.
/// </summary>
public sealed record ProducerOptions
{
    public const string Section = "Kafka:Producer";

    /// <summary>Lz4 (default: cheap on CPU), Zstd (smaller), Gzip, Snappy or None.</summary>
    public KafkaCompression Compression { get; init; } = KafkaCompression.Lz4;

    /// <summary>How long a partial batch waits for more records before it is sent.</summary>
    public int LingerMs { get; init; } = 5;

    /// <summary>Most records waiting in this process for the broker; past it, sources wait (backpressure).</summary>
    public int QueueMaxMessages { get; init; } = 100_000;

    /// <summary>Most kilobytes waiting in this process for the broker; past it, sources wait.</summary>
    public int QueueMaxKbytes { get; init; } = 65_536;

    /// <summary>
    /// How long a record may wait for the broker before it is given up and counted as failed.
    /// 00:00:00 (default) never gives up: while Kafka is down the queue fills and the sources wait,
    /// and nothing accepted is dropped.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.Zero;

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Compression))
        {
            yield return "Kafka:Producer:Compression must be None, Gzip, Snappy, Lz4 or Zstd";
        }

        if (LingerMs is < 0 or > 10_000)
        {
            yield return $"Kafka:Producer:LingerMs {LingerMs} must be from 0 to 10000";
        }

        if (QueueMaxMessages is < 1_000 or > 10_000_000)
        {
            yield return $"Kafka:Producer:QueueMaxMessages {QueueMaxMessages} must be from 1000 to 10000000";
        }

        if (QueueMaxKbytes is < 1_024 or > 2_097_151)
        {
            yield return $"Kafka:Producer:QueueMaxKbytes {QueueMaxKbytes} must be from 1024 to 2097151";
        }

        if (DeliveryTimeout < TimeSpan.Zero || DeliveryTimeout > TimeSpan.FromDays(1))
        {
            yield return $"Kafka:Producer:DeliveryTimeout {DeliveryTimeout} must be from 00:00:00 (never give up) to 1 day";
        }
    }
}

public enum KafkaCompression
{
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}
