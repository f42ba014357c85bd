using System.Diagnostics;
using Intelligence.Embedded;

namespace Intelligence.Cli;

/// <summary>
/// Shows a run's progress on stderr while it runs: one line redrawn each second on a terminal,
/// a new line every five seconds when stderr is a file or pipe.
/// </summary>
public sealed class ProgressLine(Func<PipelineProgress> snapshot, long? expected) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _loop;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var interactive = !System.Console.IsErrorRedirected;
        var period = TimeSpan.FromSeconds(interactive ? 1 : 5);
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var line = Render(snapshot());
                await System.Console.Error.WriteAsync(interactive ? $"\r{line,-150}" : line + Environment.NewLine).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        if (interactive)
        {
            await System.Console.Error.WriteAsync("\r" + new string(' ', 150) + "\r").ConfigureAwait(false);
        }
    }

    private string Render(PipelineProgress p)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var share = expected is > 0 ? $" ({100.0 * p.Ingest.Received / expected.Value:F0}%)" : "";
        return $"{_clock.Elapsed:mm\\:ss} received {p.Ingest.Received:N0}{share} at {p.Ingest.Received / seconds:N0}/s"
            + $" | stored {p.Stored:N0} | processed {p.Processed:N0} | dead-lettered {p.DeadLettered:N0} | duplicates {p.Ingest.Duplicates:N0}"
            + $" | in log {p.Lag:N0} ({p.BufferedBytes / (1024.0 * 1024):F0} MiB)";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
