using Intelligence.EventLog;
using Intelligence.Ingest;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Orders a batch read from several partitions as Kafka Streams chooses its next record: always the
/// partition whose next record has the earliest event time, never reordering within a partition (so
/// order per key is kept). Stream time then moves as the events' own time does, not as fast as the
/// fastest partition was read.
/// </summary>
public static class EventTimeOrder
{
    public static List<LogRecord<AcceptedEvent>> Merge(List<LogRecord<AcceptedEvent>> batch)
    {
        var partitions = new Dictionary<int, Queue<LogRecord<AcceptedEvent>>>();
        foreach (var record in batch)
        {
            if (!partitions.TryGetValue(record.Position.Partition, out var queue))
            {
                partitions[record.Position.Partition] = queue = new Queue<LogRecord<AcceptedEvent>>();
            }

            queue.Enqueue(record);
        }

        if (partitions.Count <= 1)
        {
            return batch;
        }

        var heads = new PriorityQueue<Queue<LogRecord<AcceptedEvent>>, (DateTimeOffset At, int Partition)>();
        foreach (var (partition, queue) in partitions)
        {
            heads.Enqueue(queue, (queue.Peek().Value.Event.OccurredAt, partition));
        }

        var merged = new List<LogRecord<AcceptedEvent>>(batch.Count);
        while (heads.TryDequeue(out var queue, out var priority))
        {
            merged.Add(queue.Dequeue());
            if (queue.Count > 0)
            {
                heads.Enqueue(queue, (queue.Peek().Value.Event.OccurredAt, priority.Partition));
            }
        }

        return merged;
    }
}
