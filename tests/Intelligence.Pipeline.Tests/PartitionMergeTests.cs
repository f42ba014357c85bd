using CsCheck;
using Intelligence.Embedded.Processing;
using Intelligence.EventLog;

namespace Intelligence.Pipeline.Tests;

public sealed class PartitionMergeTests
{
    [Fact]
    public void Records_come_out_in_the_order_they_were_logged_and_wait_for_one_not_read_yet()
    {
        var merge = new PartitionMerge<string>();
        var taken = new List<LogRecord<string>>();
        merge.Add([Record(1, 0, 0), Record(0, 0, 1), Record(1, 1, 3)]);

        merge.Take(taken, 100);
        Assert.Equal([0L, 1L], taken.Select(r => r.Sequence));

        merge.Add([Record(0, 1, 2)]);
        merge.Take(taken, 100);
        Assert.Equal([0L, 1L, 2L, 3L], taken.Select(r => r.Sequence));
        Assert.Equal(0, merge.Buffered);
    }

    [Fact]
    public void However_the_partitions_are_read_in_batches_the_records_come_out_in_log_order()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 300], Gen.Int[1, 50], Gen.Int).Sample((partitions, count, batch, seed) =>
        {
            var random = new Random(seed);
            var offsets = new long[partitions];
            var logged = Enumerable.Range(0, count).Select(sequence =>
            {
                var partition = random.Next(partitions);
                return Record(partition, offsets[partition]++, sequence);
            }).ToList();

            // Reads take whatever each partition has, a random number at a time, in partition order per partition.
            var queues = logged.GroupBy(r => r.Position.Partition).Select(g => new Queue<LogRecord<string>>(g)).ToList();
            var merge = new PartitionMerge<string>();
            var taken = new List<LogRecord<string>>();
            while (queues.Any(q => q.Count > 0))
            {
                var queue = queues[random.Next(queues.Count)];
                var read = Enumerable.Range(0, Math.Min(queue.Count, random.Next(1, batch + 1))).Select(_ => queue.Dequeue()).ToList();
                merge.Add(read);
                merge.Take(taken, int.MaxValue);
            }

            return taken.Select(r => r.Sequence).SequenceEqual(Enumerable.Range(0, count).Select(i => (long)i)) && merge.Buffered == 0;
        }, iter: 300);
    }

    private static LogRecord<string> Record(int partition, long offset, long sequence) =>
        new($"k{partition}", $"v{sequence}", new LogPosition(partition, offset)) { Sequence = sequence };
}
