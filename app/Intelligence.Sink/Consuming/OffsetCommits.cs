using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Intelligence.Sink.Consuming;

/// <summary>
/// Commits next offsets for the partitions the member still holds, synchronously, and moves their
/// start in the book. A commit the group refuses (a rebalance under way) is not a stop: the batches
/// it covered are recorded as stored, so whoever holds the partitions next skips them.
/// </summary>
internal sealed class OffsetCommits(ISinkConsumer consumer, PartitionBook book, SinkMetrics metrics, ILogger logger)
{
    public void Commit(IEnumerable<PartitionOffset> offsets, string what)
    {
        // Partitions taken away meanwhile are not ours to commit: their new holder settles them.
        var held = offsets.Where(o => book.Holds(o.Partition)).ToList();
        if (held.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(held);
            metrics.Committed();
            foreach (var offset in held)
            {
                book.Committed(offset.Partition, offset.Offset);
            }
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            metrics.CommitFailed();
            logger.LogWarning(ex, "Committing {What} failed; it is recorded as stored, so it is not stored twice", what);
        }
    }
}
