using System.Diagnostics;
using System.Text.Json;
using Intelligence.Anomaly.Scoring;

namespace Intelligence.Anomaly.Evaluation;

/// <summary>
/// What scoring costs, measured: points per second on one thread, and the memory of one series'
/// state, held in memory (the managed heap's growth per series, many series alive at once) and as
/// JSON (what a Kafka state store keeps). Synthetic hourly series with a daily cycle and noise.
/// </summary>
public sealed record ScoringCost(long Points, TimeSpan Elapsed, int Series, double BytesPerSeries, double JsonBytesPerSeries)
{
    public double PointsPerSecond => Points / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public static ScoringCost Measure(ScorerOptions options, int series = 1_000, int pointsPerSeries = 500)
    {
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var rng = new Random(7);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var states = new SeriesScorerState[series];
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < series; s++)
        {
            var state = states[s] = new SeriesScorerState();
            var level = 10 + (s % 50);
            for (var p = 0; p < pointsPerSeries; p++)
            {
                var at = start.AddHours(p);
                var value = level * (1 + (0.5 * Math.Sin(at.Hour / 24.0 * 2 * Math.PI))) + (rng.NextDouble() * 4);
                SeriesScorer.Next(state, at, value, SeriesKind.Level, options);
            }
        }

        var elapsed = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var json = states.Take(100).Average(state => JsonSerializer.SerializeToUtf8Bytes(state).Length);
        GC.KeepAlive(states);
        return new ScoringCost((long)series * pointsPerSeries, elapsed, series, (after - before) / (double)series, json);
    }

    public override string ToString() =>
        $"scored {Points:N0} points of {Series:N0} hourly series in {Elapsed.TotalMilliseconds:N0} ms: {PointsPerSecond:N0} points/s on one thread; "
        + $"{BytesPerSeries:N0} bytes of memory per series state ({Series:N0} alive), {JsonBytesPerSeries:N0} bytes as JSON in a Kafka store";
}
