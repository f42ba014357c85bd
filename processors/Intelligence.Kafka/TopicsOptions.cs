namespace Intelligence.Kafka;

/// <summary>
/// How the topics are created (section <c>Kafka:Topics</c>). Partitions bound the parallelism: the
/// processors run one task per partition of the messages topic, so create enough for the instances
/// you may run later (partitions can be added, never removed, and adding them moves keys).
/// </summary>
public sealed record TopicsOptions
{
    public const string Section = "Kafka:Topics";

    /// <summary>Partitions of every topic the catalogue declares.</summary>
    public int Partitions { get; init; } = 12;

    /// <summary>Copies of each partition: 1 for a single broker, 3 in production.</summary>
    public short ReplicationFactor { get; init; } = 1;

    /// <summary>How long accepted events are kept: the window in which processors can be rebuilt by replay.</summary>
    public TimeSpan EventsRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long rows, fold messages and alerts wait for a sink or processor that is down.</summary>
    public TimeSpan WorkRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long dead letters are kept on Kafka (they are in ClickHouse's <c>dead_letters</c> too).</summary>
    public TimeSpan DeadLetterRetention { get; init; } = TimeSpan.FromDays(30);

    public IEnumerable<string> Problems()
    {
        if (Partitions is < 1 or > 10_000)
        {
            yield return $"Kafka:Topics:Partitions {Partitions} must be from 1 to 10000";
        }

        if (ReplicationFactor is < 1 or > 7)
        {
            yield return $"Kafka:Topics:ReplicationFactor {ReplicationFactor} must be from 1 to 7";
        }

        foreach (var (setting, value) in new[]
                 {
                     (nameof(EventsRetention), EventsRetention), (nameof(WorkRetention), WorkRetention),
                     (nameof(DeadLetterRetention), DeadLetterRetention),
                 })
        {
            if (value < TimeSpan.FromHours(1) || value > TimeSpan.FromDays(3650))
            {
                yield return $"Kafka:Topics:{setting} {value} must be from 01:00:00 to 3650 days";
            }
        }
    }
}
