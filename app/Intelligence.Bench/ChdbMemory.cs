using System.Globalization;
using Intelligence.Analytics;

namespace Intelligence.Bench;

/// <summary>
/// chDB's own account of the memory it holds (<c>MemoryTracking</c> in <c>system.metrics</c>: its
/// queries, inserts, merges and caches), read every <c>every</c> while a run goes on, keeping the
/// highest. With the process's resident size before the first input and the collector's figures, it
/// says where a run's peak memory goes. chDB has no <c>asynchronous_metrics</c>, so this is the figure there is.
/// </summary>
public sealed class ChdbMemory : IAsyncDisposable
{
    private const string Query = "SELECT value FROM system.metrics WHERE metric = 'MemoryTracking'";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _highest;

    private ChdbMemory(Func<CancellationToken, Task<long>> read, TimeSpan every)
    {
        _sampling = Task.Run(() => SampleAsync(read, every, _stop.Token));
    }

    /// <summary>The highest tracked figure read so far, in bytes.</summary>
    public long HighestBytes => Interlocked.Read(ref _highest);

    public static ChdbMemory Start(IAnalyticsStore store, TimeSpan every) => Start(ct => TrackedBytesAsync(store, ct), every);

    /// <summary>Samples what <paramref name="read"/> returns (for a store, <see cref="TrackedBytesAsync"/>).</summary>
    public static ChdbMemory Start(Func<CancellationToken, Task<long>> read, TimeSpan every) => new(read, every);

    public static async Task<long> TrackedBytesAsync(IAnalyticsStore store, CancellationToken cancellationToken)
    {
        var result = await store.QueryAsync(Query, "TSV", ct: cancellationToken).ConfigureAwait(false);
        return long.Parse(result.Text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops sampling after one last reading and returns the highest, in bytes.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        return HighestBytes;
    }

    private async Task SampleAsync(Func<CancellationToken, Task<long>> read, TimeSpan every, CancellationToken stop)
    {
        while (true)
        {
            var stopping = stop.IsCancellationRequested;
            var bytes = await read(CancellationToken.None).ConfigureAwait(false);
            if (bytes > Interlocked.Read(ref _highest))
            {
                Interlocked.Exchange(ref _highest, bytes);
            }

            if (stopping)
            {
                return;
            }

            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // One more reading, then out.
            }
        }
    }

    /// <summary>Stops sampling; a failed reading is <see cref="StopAsync"/>'s to report, so that it never hides the error a run is unwinding from.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
