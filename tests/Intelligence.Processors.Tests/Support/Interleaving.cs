using Intelligence.Contracts;

namespace Intelligence.Processors.Tests.Support;

/// <summary>
/// Re-orders events as a log with partitions would deliver them to a different consumer: split by
/// key into partitions, then drained in seeded random bursts, so that the order within each key is
/// kept and the order across keys changes. A partition is only drained while its next event is
/// within <c>maxSkew</c> of the earliest partition's next event: the skew a consumer keeping up with
/// all partitions shows (Kafka Streams picks the earliest head too), and within the processors' grace.
/// </summary>
public static class Interleaving
{
    public static List<RetailEvent> Shuffle(IReadOnlyList<RetailEvent> events, int partitions, int seed, TimeSpan? maxSkew = null)
    {
        var skew = maxSkew ?? TimeSpan.FromHours(1);
        var queues = Enumerable.Range(0, partitions).Select(_ => new Queue<RetailEvent>()).ToArray();
        foreach (var e in events)
        {
            queues[(int)((uint)StableHash(e.Key) % (uint)partitions)].Enqueue(e);
        }

        var rng = new Random(seed);
        var result = new List<RetailEvent>(events.Count);
        while (true)
        {
            var open = queues.Where(q => q.Count > 0).ToList();
            if (open.Count == 0)
            {
                return result;
            }

            var earliest = open.Min(q => q.Peek().OccurredAt);
            var eligible = open.Where(q => q.Peek().OccurredAt <= earliest + skew).ToList();
            var queue = eligible[rng.Next(eligible.Count)];
            for (var burst = rng.Next(1, 64); burst > 0 && queue.Count > 0 && queue.Peek().OccurredAt <= earliest + skew; burst--)
            {
                result.Add(queue.Dequeue());
            }
        }
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
