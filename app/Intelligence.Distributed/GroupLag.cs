using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Intelligence.Distributed;

/// <summary>
/// How far a consumer group is behind: for each partition of its topics, the latest offset minus the
/// group's committed offset (a partition never committed counts from its start). Asked of the
/// brokers, so it is the lag another instance or an operator would see.
/// </summary>
public static class GroupLag
{
    public sealed record PartitionLag(string Topic, int Partition, long Committed, long Latest)
    {
        public long Lag => Math.Max(0, Latest - Math.Max(0, Committed));
    }

    public static async Task<IReadOnlyList<PartitionLag>> MeasureAsync(IAdminClient admin, string group,
        IReadOnlyList<string> topics, TimeSpan timeout)
    {
        var metadata = admin.GetMetadata(timeout);
        var partitions = metadata.Topics
            .Where(t => topics.Contains(t.Topic, StringComparer.Ordinal) && !t.Error.IsError)
            .SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)))
            .ToList();
        if (partitions.Count == 0)
        {
            return [];
        }

        var committed = await admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions(group, partitions)],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = timeout }).ConfigureAwait(false);
        var latest = await admin.ListOffsetsAsync(
            partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = OffsetSpec.Latest() }),
            new ListOffsetsOptions { RequestTimeout = timeout }).ConfigureAwait(false);

        var committedBy = committed.SelectMany(r => r.Partitions)
            .ToDictionary(p => p.TopicPartition, p => p.Offset.Value);
        return latest.ResultInfos
            .Select(r => new PartitionLag(r.TopicPartitionOffsetError.Topic, r.TopicPartitionOffsetError.Partition.Value,
                committedBy.GetValueOrDefault(r.TopicPartitionOffsetError.TopicPartition, Offset.Unset.Value),
                r.TopicPartitionOffsetError.Offset.Value))
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)
            .ToList();
    }

    public static IEnumerable<Metric> AsMetrics(string group, IReadOnlyList<PartitionLag> lags) =>
        lags.Select(l => Metric.ConsumerLag(group, l.Topic, l.Partition, l.Lag));
}
