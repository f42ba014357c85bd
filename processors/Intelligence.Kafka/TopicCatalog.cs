using System.Globalization;

namespace Intelligence.Kafka;

/// <summary>
/// Every topic the distributed runtime needs, declared in one place: ingest writes events and dead
/// letters, the processors read events and write fold messages, rows, alerts and dead letters, the
/// sink reads rows, events and dead letters. Streamiz creates its own changelog topics.
/// </summary>
public static class TopicCatalog
{
    public static IReadOnlyList<TopicSpec> Declare(TopicNames names, TopicsOptions options) =>
    [
        Topic(names.Events, options, options.EventsRetention,
            "accepted events, key = partition key; the processors and the sink read it"),
        Topic(names.Messages, options, options.WorkRetention,
            "fold inputs under the key whose state they change; its partitions are the processors' parallelism"),
        Topic(names.Outputs, options, options.WorkRetention, "rows for the analytics store, header `table`"),
        Topic(names.Alerts, options, options.DeadLetterRetention, "alert notices, key = alert id"),
        Topic(names.DeadLetters, options, options.DeadLetterRetention, "refused inputs with their reason"),
    ];

    private static TopicSpec Topic(string name, TopicsOptions options, TimeSpan retention, string purpose)
    {
        var configs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cleanup.policy"] = "delete",
            ["retention.ms"] = ((long)retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),

            // Keep what the producer compressed; recompressing on the broker costs CPU for nothing.
            ["compression.type"] = "producer",

            // With acks=all a write needs this many in-sync copies: one broker down must not stop
            // writes, two must (else a write could live on one disk only).
            ["min.insync.replicas"] = (options.ReplicationFactor >= 3 ? 2 : 1).ToString(CultureInfo.InvariantCulture),
        };
        return new TopicSpec(name, options.Partitions, options.ReplicationFactor, configs, purpose);
    }
}
