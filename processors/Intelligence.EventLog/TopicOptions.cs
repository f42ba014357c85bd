namespace Intelligence.EventLog;

/// <summary>Shape and bounds of an in-process topic. Bound from configuration section <c>EventLog</c>.</summary>
public sealed record TopicOptions
{
    public string Name { get; init; } = "events";

    /// <summary>Partitions, as a Kafka topic has; keys keep their order within a partition.</summary>
    public int Partitions { get; init; } = 8;

    /// <summary>Most records a partition holds before producers wait.</summary>
    public int PartitionCapacity { get; init; } = 16_384;

    /// <summary>Most bytes of records the whole topic holds before producers wait.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;
}
