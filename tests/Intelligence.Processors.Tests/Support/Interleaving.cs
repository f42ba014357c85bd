using Intelligence.Contracts;

namespace Intelligence.Processors.Tests.Support;

/// <summary>
/// Re-orders events as a log with partitions would deliver them to a different consumer: split by
/// key into partitions, then drained in a seeded random order of partitions, so that the order
/// within each key is kept and the order across keys changes.
/// </summary>
public static class Interleaving
{
    public static List<RetailEvent> Shuffle(IReadOnlyList<RetailEvent> events, int partitions, int seed)
    {
        var queues = Enumerable.Range(0, partitions).Select(_ => new Queue<RetailEvent>()).ToArray();
        foreach (var e in events)
        {
            queues[(int)((uint)StableHash(e.Key) % (uint)partitions)].Enqueue(e);
        }

        var rng = new Random(seed);
        var result = new List<RetailEvent>(events.Count);
        var open = queues.Where(q => q.Count > 0).ToList();
        while (open.Count > 0)
        {
            var queue = open[rng.Next(open.Count)];
            for (var burst = rng.Next(1, 64); burst > 0 && queue.Count > 0; burst--)
            {
                result.Add(queue.Dequeue());
            }

            if (queue.Count == 0)
            {
                open.Remove(queue);
            }
        }

        return result;
    }

    private static int StableHash(string key)
    {
        var hash = 17;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
