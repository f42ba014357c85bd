namespace Intelligence.Sink.Consuming;

/// <summary>
/// Keeps the consumer in its group while a batch waits on the store. A member that does not poll
/// for <c>max.poll.interval.ms</c> is put out of the group and its partitions handed on; so when
/// storing takes longer than <c>every</c>, the consumer polls with all its partitions paused (no
/// records come, the group sees it alive) until storing ends, then resumes them. Not pausing
/// while storing is quick matters: librdkafka drops what it prefetched for a paused partition.
/// </summary>
internal sealed class GroupKeepAlive(ISinkConsumer consumer, TimeSpan every, TimeProvider clock)
{
    public async Task WhileAsync(Task work, CancellationToken cancellationToken)
    {
        var paused = false;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            while (!work.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                var tick = Task.Delay(every, clock, stop.Token);
                await Task.WhenAny(work, tick).ConfigureAwait(false);
                if (work.IsCompleted || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                // Partitions assigned during a rebalance in the last poll arrive unpaused: pause all each time.
                consumer.Pause(consumer.Assignment);
                paused = true;
                if (consumer.Poll(TimeSpan.Zero) is { } stray)
                {
                    // A record from a partition assigned during this poll: read it again once its assignment is settled.
                    consumer.Seek(stray.Partition, stray.Offset);
                    consumer.Pause([stray.Partition]);
                }
            }

            await stop.CancelAsync().ConfigureAwait(false);
        }

        if (paused)
        {
            consumer.Resume(consumer.Assignment);
        }

        await work.ConfigureAwait(false);
    }
}
