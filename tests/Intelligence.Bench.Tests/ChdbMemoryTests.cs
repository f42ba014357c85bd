namespace Intelligence.Bench.Tests;

public sealed class ChdbMemoryTests
{
    [Fact]
    public async Task Keeps_the_highest_reading_and_takes_a_last_one_when_stopped()
    {
        var readings = new Queue<long>([10, 40, 25]);
        var read = (CancellationToken _) =>
        {
            lock (readings)
            {
                return Task.FromResult(readings.Count > 0 ? readings.Dequeue() : 30L);
            }
        };

        await using var memory = ChdbMemory.Start(read, TimeSpan.FromMilliseconds(5));
        while (true)
        {
            lock (readings)
            {
                if (readings.Count == 0)
                {
                    break;
                }
            }

            await Task.Delay(5);
        }

        Assert.Equal(40, await memory.StopAsync());
    }

    [Fact]
    public async Task A_reading_larger_than_all_before_at_the_stop_counts()
    {
        var stopping = false;
        var read = (CancellationToken _) => Task.FromResult(Volatile.Read(ref stopping) ? 500L : 7L);

        await using var memory = ChdbMemory.Start(read, TimeSpan.FromHours(1));
        while (memory.HighestBytes == 0)
        {
            await Task.Delay(5);
        }

        Volatile.Write(ref stopping, true);
        Assert.Equal(500, await memory.StopAsync());
    }
}
