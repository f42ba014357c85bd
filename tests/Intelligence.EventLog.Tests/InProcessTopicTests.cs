namespace Intelligence.EventLog.Tests;

public sealed class InProcessTopicTests
{
    private static InProcessTopic<string> Topic(int partitions = 4, int capacity = 1_000, long maxBytes = 1 << 20) =>
        new(new TopicOptions { Name = "t", Partitions = partitions, PartitionCapacity = capacity, MaxBytes = maxBytes }, v => v.Length);

    private static async Task<List<LogRecord<string>>> DrainAsync(InProcessTopic<string> topic)
    {
        var reader = topic.Reader();
        var all = new List<LogRecord<string>>();
        var batch = new List<LogRecord<string>>();
        while (await reader.ReadBatchAsync(batch, 7, CancellationToken.None))
        {
            all.AddRange(batch);
            reader.Commit(batch.Select(r => r.Position));
            batch.Clear();
        }

        return all;
    }

    [Fact]
    public async Task Records_of_one_key_keep_their_order_and_partition()
    {
        var topic = Topic();
        for (var i = 0; i < 300; i++)
        {
            await topic.AppendAsync($"key-{i % 10}", $"key-{i % 10}:{i}", CancellationToken.None);
        }

        topic.Complete();
        var records = await DrainAsync(topic);

        Assert.Equal(300, records.Count);
        foreach (var group in records.GroupBy(r => r.Key))
        {
            var sequence = group.Select(r => int.Parse(r.Value.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(sequence.Order(), sequence);
            Assert.Single(group.Select(r => r.Position.Partition).Distinct());
            Assert.Equal(KeyPartitioner.PartitionFor(group.Key, 4), group.First().Position.Partition);
        }
    }

    [Fact]
    public async Task A_batch_takes_from_every_ready_partition_alike_instead_of_draining_one_first()
    {
        var topic = Topic(partitions: 4);
        for (var i = 0; i < 400; i++)
        {
            await topic.AppendAsync($"key-{i}", $"{i}", CancellationToken.None);
        }

        var batch = new List<LogRecord<string>>();
        await topic.Reader().ReadBatchAsync(batch, 40, CancellationToken.None);

        var perPartition = batch.GroupBy(r => r.Position.Partition).Select(g => g.Count()).ToList();
        Assert.Equal(4, perPartition.Count);
        Assert.All(perPartition, count => Assert.Equal(10, count));
    }

    [Fact]
    public async Task Offsets_count_up_per_partition_and_commits_move_the_lag()
    {
        var topic = Topic(partitions: 2);
        var positions = new List<LogPosition>();
        for (var i = 0; i < 50; i++)
        {
            positions.Add(await topic.AppendAsync($"k{i}", "v", CancellationToken.None));
        }

        foreach (var partition in positions.GroupBy(p => p.Partition))
        {
            Assert.Equal(Enumerable.Range(0, partition.Count()).Select(o => (long)o), partition.Select(p => p.Offset));
            Assert.Equal(partition.Count(), topic.EndOffset(partition.Key));
        }

        Assert.Equal(50, topic.Lag);
        topic.Complete();
        await DrainAsync(topic);
        Assert.Equal(0, topic.Lag);
        Assert.Equal(topic.EndOffset(0), topic.CommittedOffset(0));
    }

    [Fact]
    public async Task A_full_partition_makes_the_producer_wait_until_the_reader_takes()
    {
        var topic = Topic(partitions: 1, capacity: 3);
        for (var i = 0; i < 3; i++)
        {
            await topic.AppendAsync("k", $"v{i}", CancellationToken.None);
        }

        var fourth = topic.AppendAsync("k", "v3", CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(fourth.IsCompleted);

        var batch = new List<LogRecord<string>>();
        await topic.Reader().ReadBatchAsync(batch, 1, CancellationToken.None);
        var position = await fourth.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, position.Offset);
    }

    [Fact]
    public async Task The_byte_budget_bounds_memory_until_records_are_stored()
    {
        var topic = Topic(partitions: 4, capacity: 1_000, maxBytes: 100);
        for (var i = 0; i < 10; i++)
        {
            await topic.AppendAsync($"k{i}", new string('x', 10), CancellationToken.None);
        }

        Assert.Equal(100, topic.BufferedBytes);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => topic.AppendAsync("k-more", new string('x', 10), timeout.Token).AsTask());
        Assert.Equal(100, topic.BufferedBytes);

        var reader = topic.Reader();
        var batch = new List<LogRecord<string>>();
        await reader.ReadBatchAsync(batch, 1, CancellationToken.None);
        using var stillFull = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => topic.AppendAsync("k-more", new string('x', 10), stillFull.Token).AsTask());

        reader.Commit(batch.Select(r => r.Position));
        await topic.AppendAsync("k-more", new string('x', 10), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_record_larger_than_the_whole_budget_still_gets_through_alone()
    {
        var topic = Topic(maxBytes: 10);
        var position = await topic.AppendAsync("k", new string('x', 1_000), CancellationToken.None)
            .AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, position.Offset);
    }

    [Fact]
    public async Task A_reader_ends_after_completion_once_everything_is_drained()
    {
        var topic = Topic();
        await topic.AppendAsync("a", "1", CancellationToken.None);
        topic.Complete();

        var records = await DrainAsync(topic);

        Assert.Single(records);
        await Assert.ThrowsAsync<InvalidOperationException>(() => topic.AppendAsync("a", "2", CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Concurrent_producers_lose_nothing()
    {
        var topic = Topic(partitions: 4, capacity: 16);
        var reading = DrainAsync(topic);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                await topic.AppendAsync($"p{p}-k{i % 50}", $"{p}:{i}", CancellationToken.None);
            }
        })));
        topic.Complete();

        var records = await reading;

        Assert.Equal(8_000, records.Count);
        Assert.Equal(8_000, records.Select(r => r.Value).Distinct().Count());
        Assert.Equal(8_000, records.Select(r => r.Position).Distinct().Count());
    }
}

public sealed class InProcessTopicCancellationTests
{
    [Fact]
    public async Task A_waiting_reader_stops_when_cancelled()
    {
        var topic = new InProcessTopic<string>(new TopicOptions { Partitions = 3 }, v => v.Length);
        using var cancel = new CancellationTokenSource();
        var reading = topic.Reader().ReadBatchAsync([], 10, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
