using System.Diagnostics;
using Intelligence.Analytics.Chdb;
using Intelligence.Embedded;
using Intelligence.Ingest;
using Intelligence.Ingest.Sources;
using Microsoft.Extensions.Logging;

namespace Intelligence.Bench.Approaches;

/// <summary>
/// Event-to-queryable latency under a steady offered load: the workload (held in memory) is offered
/// to the embedded pipeline's gate at a fixed rate, and each accepted event's latency runs from the
/// moment it was offered to the moment the processors' rows for it are stored in chDB and committed
/// (the processor stage stores in the order events were logged, so "the first k events are
/// processed" says when event k became queryable). Progress is sampled every millisecond.
/// </summary>
public static class LatencyApproach
{
    public const string Name = "latency";

    public static async Task<Measurement> RunAsync(string workload, string scratch, EmbeddedOptions options, double rate,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var arrivals = Workload.Arrivals(workload);
        var lines = WorkloadEvents.Lines(workload);
        await using var store = ChdbStore.Open(Scratch.Fresh(scratch, "chdb"));
        await using var pipeline = await EmbeddedPipeline.StartAsync(store, options, TimeProvider.System, loggers, cancellationToken);
        var replay = new ReplayClock(DateTimeOffset.UnixEpoch);
        var source = new InputSource("bench-offered-load", replay);
        var offeredAt = new long[lines.Count];
        var accepted = 0;
        var watermarks = new List<(long Processed, long At)>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Factory.StartNew(() => Sample(pipeline, watermarks, sampling.Token), TaskCreationOptions.LongRunning);

        var clock = Stopwatch.StartNew();
        var ticksPerEvent = Stopwatch.Frequency / rate;
        for (var i = 0; i < lines.Count; i++)
        {
            var due = (long)(i * ticksPerEvent);
            while (clock.ElapsedTicks < due)
            {
                if (due - clock.ElapsedTicks > Stopwatch.Frequency / 1000)
                {
                    await Task.Delay(1, cancellationToken);
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }

            var at = Stopwatch.GetTimestamp();
            replay.Set(arrivals.Next());
            var result = await pipeline.Gate.SubmitAsync(lines[i], source, cancellationToken);
            if (result.Status == IngestStatus.Accepted)
            {
                offeredAt[accepted++] = at;
            }
        }

        var offeredSeconds = clock.Elapsed.TotalSeconds;
        var summary = await pipeline.CompleteAsync(TimeProvider.System, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        var latencies = Latencies(offeredAt.AsSpan(0, accepted), watermarks);
        Array.Sort(latencies);
        return new Measurement(Name, lines.Count, seconds, PeakMemory.Bytes())
        {
            Figures =
            [
                new("offered rate", rate, "inputs/s"),
                new("achieved offered rate", lines.Count / offeredSeconds, "inputs/s"),
                new("p50 latency", Percentile(latencies, 0.50), "s"),
                new("p99 latency", Percentile(latencies, 0.99), "s"),
                new("max latency", latencies.Length > 0 ? latencies[^1] : double.NaN, "s"),
                new("events measured", latencies.Length, "events"),
                new("balanced", summary.Balances ? 1 : 0, "bool"),
            ],
            Note = "offered at a fixed rate; latency from offer to the processors' rows stored and committed",
        };
    }

    private static void Sample(EmbeddedPipeline pipeline, List<(long Processed, long At)> watermarks, CancellationToken stop)
    {
        long last = 0;
        while (!stop.IsCancellationRequested)
        {
            var processed = pipeline.EventsProcessed;
            if (processed > last)
            {
                lock (watermarks)
                {
                    watermarks.Add((processed, Stopwatch.GetTimestamp()));
                }

                last = processed;
            }

            Thread.Sleep(1);
        }

        var final = pipeline.EventsProcessed;
        if (final > last)
        {
            watermarks.Add((final, Stopwatch.GetTimestamp()));
        }
    }

    // Event k was queryable at the first sample that saw more than k events processed.
    private static double[] Latencies(ReadOnlySpan<long> offeredAt, List<(long Processed, long At)> watermarks)
    {
        var latencies = new double[offeredAt.Length];
        var w = 0;
        var measured = 0;
        for (var k = 0; k < offeredAt.Length; k++)
        {
            while (w < watermarks.Count && watermarks[w].Processed <= k)
            {
                w++;
            }

            if (w == watermarks.Count)
            {
                break;
            }

            latencies[measured++] = Math.Max(0, watermarks[w].At - offeredAt[k]) / (double)Stopwatch.Frequency;
        }

        return latencies[..measured];
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
