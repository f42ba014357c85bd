using CsCheck;
using Intelligence.Sink.Batching;
using Intelligence.Sink.Consuming;
using Intelligence.Sink.Rows;
using Intelligence.Sink.Tests.Support;

namespace Intelligence.Sink.Tests;

/// <summary>A batch's inserts and identity depend on its records only, never on the order polls interleaved them in.</summary>
public sealed class SinkBatchTests
{
    private static readonly MixedInput Input = MixedInput.Make(40, partitions: 3, markerEvery: 4);

    [Fact]
    public void The_same_records_in_any_interleaving_of_their_partitions_make_the_same_inserts_and_the_same_plan()
    {
        using var rows = new RecordRows(new KafkaSinkOptions());
        var reference = Snapshot(Input.Log.All, rows);

        // One thread: the rows writer, like the worker that owns it, is not shared between threads.
        Gen.Int.Sample(seed =>
        {
            var shuffled = Interleave(Input.Log.All, new Random(seed));
            Assert.Equal(reference, Snapshot(shuffled, rows));
        }, iter: 50, threads: 1);
    }

    [Fact]
    public void Dropping_revoked_partitions_leaves_exactly_the_batch_of_the_others()
    {
        using var rows = new RecordRows(new KafkaSinkOptions());
        var revoked = new[] { new PartitionId(TopicRecords.Events, 1), new PartitionId(TopicRecords.DeadLetters, 0) };
        var batch = new SinkBatch();
        foreach (var record in Input.Log.All)
        {
            batch.Add(record, PartitionBook.NoneCommitted, rows);
        }

        var dropped = batch.Drop(revoked);

        var kept = Input.Log.All.Where(r => !revoked.Contains(r.Partition)).ToList();
        Assert.Equal(Input.Log.All.Count - kept.Count, dropped);
        Assert.Equal(Snapshot(kept, rows), Snapshot(batch));
        Assert.Equal(0, batch.DeadLettered);
    }

    private static string Snapshot(IEnumerable<SinkRecord> records, RecordRows rows)
    {
        var batch = new SinkBatch();
        foreach (var record in records)
        {
            batch.Add(record, PartitionBook.NoneCommitted, rows);
        }

        return Snapshot(batch);
    }

    /// <summary>The plan's identity and every table's insert, as one text to compare.</summary>
    private static string Snapshot(SinkBatch batch) =>
        string.Join("\n--\n", batch.Tables().Select(t => $"{t.Table}:{t.Rows}:{System.Text.Encoding.UTF8.GetString(t.Json.Span)}")
            .Prepend(batch.Plan("g").Identity));

    /// <summary>The records merged in a random order that keeps each partition's own order, as polls would deliver them.</summary>
    private static List<SinkRecord> Interleave(IReadOnlyList<SinkRecord> records, Random random)
    {
        var queues = records.GroupBy(r => r.Partition).Select(g => new Queue<SinkRecord>(g)).ToList();
        var merged = new List<SinkRecord>(records.Count);
        while (queues.Count > 0)
        {
#pragma warning disable CA5394 // The order of a test input, not a secret.
            var queue = queues[random.Next(queues.Count)];
#pragma warning restore CA5394
            merged.Add(queue.Dequeue());
            if (queue.Count == 0)
            {
                queues.Remove(queue);
            }
        }

        return merged;
    }
}
