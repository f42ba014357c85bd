namespace Intelligence.EventLog.Tests;

/// <summary>A record the tee put in its first topic reaches the others, even when the caller gives up waiting.</summary>
public sealed class TeeWriterTests
{
    private static InProcessTopic<string> Topic(string name, int capacity) =>
        new(new TopicOptions { Name = name, Partitions = 1, PartitionCapacity = capacity }, v => v.Length);

    [Fact]
    public async Task A_cancelled_append_that_reached_the_first_topic_still_reaches_the_second_so_no_resend_doubles_it()
    {
        var (raw, processors) = (Topic("raw", 10), Topic("processors", 1));
        var tee = new TeeWriter<string>(raw, processors);
        await tee.AppendAsync("k", "first", CancellationToken.None);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // The second topic is full: the append waits there, past the caller's timeout, until a reader makes room.
        var second = tee.AppendAsync("k", "second", giveUp.Token).AsTask();
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        var reader = processors.Reader();
        var batch = new List<LogRecord<string>>();
        await reader.ReadBatchAsync(batch, 1, CancellationToken.None);
        reader.Commit(batch.Select(r => r.Position));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        raw.Complete();
        processors.Complete();
        Assert.Equal(["first", "second"], await ValuesAsync(raw));
        Assert.Equal(["second"], await ValuesAsync(processors, reader));
    }

    [Fact]
    public async Task A_cancelled_wait_for_the_first_topic_appends_nowhere()
    {
        var (raw, processors) = (Topic("raw", 1), Topic("processors", 10));
        var tee = new TeeWriter<string>(raw, processors);
        await tee.AppendAsync("k", "first", CancellationToken.None);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tee.AppendAsync("k", "second", giveUp.Token).AsTask());

        raw.Complete();
        processors.Complete();
        Assert.Equal(["first"], await ValuesAsync(raw));
        Assert.Equal(["first"], await ValuesAsync(processors));
    }

    private static async Task<List<string>> ValuesAsync(InProcessTopic<string> topic, ITopicReader<string>? reader = null)
    {
        reader ??= topic.Reader();
        var all = new List<LogRecord<string>>();
        while (await reader.ReadBatchAsync(all, int.MaxValue, CancellationToken.None))
        {
        }

        return all.Select(r => r.Value).ToList();
    }
}
