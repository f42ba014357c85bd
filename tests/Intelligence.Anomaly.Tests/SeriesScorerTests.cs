using System.Diagnostics;
using System.Text.Json;
using Intelligence.Anomaly.Scoring;
using Xunit.Abstractions;

namespace Intelligence.Anomaly.Tests;

public sealed class SeriesScorerTests(ITestOutputHelper output)
{
    private static readonly ScorerOptions Options = new();

    [Fact]
    public void Until_its_history_fills_a_series_is_warming_up_and_scores_zero()
    {
        var state = new SeriesScorerState();

        var scores = SeriesBuilder.Seasonal(Options.MinimumHistory, noise: 50)
            .Select(p => SeriesScorer.Next(state, p.At, p.Value, SeriesKind.Level, Options)).ToList();

        Assert.All(scores, s => Assert.Equal((0.0, false, ScoreBasis.WarmingUp), (s.Score, s.Detected, s.Basis)));
        Assert.Equal(ScoreBasis.Robust, SeriesScorer.Next(state, SeriesBuilder.Start.AddHours(Options.MinimumHistory), 100, SeriesKind.Level, Options).Basis);
    }

    [Fact]
    public void A_steady_seasonal_series_scores_low_at_every_hour_including_the_daily_peaks()
    {
        var state = new SeriesScorerState();

        var scores = SeriesBuilder.Seasonal(8 * 7 * 24)
            .Select(p => (p.At, Score: SeriesScorer.Next(state, p.At, p.Value, SeriesKind.Level, Options))).ToList();

        Assert.All(scores, s => Assert.False(s.Score.Detected, $"{s.At:u} scored {s.Score.Score:F2}"));
        var peaks = scores.Skip(7 * 24).Where(s => s.At.Hour == 18).ToList();
        Assert.All(peaks, s => Assert.True(s.Score.Score < 0.25, $"{s.At:u} peak scored {s.Score.Score:F2}"));
        Assert.True(peaks.Average(s => s.Score.Expected) > 150, "the baseline has learned the peak");
    }

    [Fact]
    public void A_sustained_drop_is_detected_and_held_as_one_episode_that_then_resolves()
    {
        // Twelve hours at a fifth of the usual demand from Monday 06:00 of the fifth week: a channel outage.
        var state = new SeriesScorerState();
        var shiftFrom = (4 * 7 * 24) + 6;

        var scores = SeriesBuilder.Seasonal(7 * 7 * 24)
            .Select((p, i) => SeriesScorer.Next(state, p.At, i >= shiftFrom && i < shiftFrom + 12 ? p.Value / 5 : p.Value, SeriesKind.Level, Options))
            .ToList();

        Assert.DoesNotContain(scores.Take(shiftFrom), s => s.Detected);
        Assert.Contains(scores.Skip(shiftFrom).Take(12), s => s.Detected && s.Deviation < 0);
        Assert.Equal(1, Episodes(scores));
        Assert.False(scores[^1].Detected);
    }

    [Fact]
    public void One_order_in_a_sparse_count_series_is_no_incident_though_as_a_level_it_would_be()
    {
        // An order every 40 hours, then one more at an odd hour: ordinary for a count this sparse.
        var points = Enumerable.Range(0, 4 * 7 * 24).Select(i => (At: SeriesBuilder.Start.AddHours(i), Value: i % 40 == 0 || i == 600 ? 1.0 : 0)).ToList();

        var asCount = Run(points, SeriesKind.Count);
        var asLevel = Run(points, SeriesKind.Level);

        Assert.DoesNotContain(asCount, s => s.Detected);
        Assert.Contains(asLevel, s => s.Detected);
    }

    [Fact]
    public void The_state_stays_bounded_and_survives_a_json_round_trip_after_100k_points()
    {
        var state = new SeriesScorerState();
        var points = SeriesBuilder.Seasonal(100_000).ToList();
        var sizes = new List<int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < points.Count; i++)
        {
            SeriesScorer.Next(state, points[i].At, points[i].Value, SeriesKind.Level, Options);
            if (i is 9_999 or 99_999)
            {
                sizes.Add(JsonSerializer.SerializeToUtf8Bytes(state).Length);
            }
        }

        output.WriteLine($"{points.Count / clock.Elapsed.TotalSeconds:N0} points/s (with two serialisations); state {sizes[1]:N0} bytes as JSON");
        Assert.Equal(Options.ResidualPoints, state.Residuals.Count);
        Assert.True(state.Deviations.Count <= SeriesFeatures.Lags);
        Assert.InRange(sizes[1], 1, 16 * 1024);
        Assert.InRange(sizes[1], sizes[0] - 200, sizes[0] + 200);

        var restored = JsonSerializer.Deserialize<SeriesScorerState>(JsonSerializer.Serialize(state))!;
        var next = SeriesBuilder.Start.AddHours(100_000);
        Assert.Equal(SeriesScorer.Next(state, next, 500, SeriesKind.Level, Options), SeriesScorer.Next(restored, next, 500, SeriesKind.Level, Options));
    }

    [Fact]
    public void A_score_reaches_the_threshold_exactly_when_an_incident_is_open()
    {
        var state = new SeriesScorerState();
        var random = new Random(7);

        var scores = SeriesBuilder.Seasonal(3_000, noise: 10)
            .Select(p => SeriesScorer.Next(state, p.At, random.NextDouble() < 0.01 ? p.Value * 3 : p.Value, SeriesKind.Level, Options)).ToList();

        Assert.Contains(scores, s => s.Detected);
        Assert.All(scores, s => Assert.Equal(s.Detected, s.Score >= Options.Threshold));
        Assert.All(scores, s => Assert.InRange(s.Score, 0, 1));
    }

    private static List<PointScore> Run(IEnumerable<(DateTimeOffset At, double Value)> points, SeriesKind kind)
    {
        var state = new SeriesScorerState();
        return points.Select(p => SeriesScorer.Next(state, p.At, p.Value, kind, Options)).ToList();
    }

    private static int Episodes(List<PointScore> scores) =>
        scores.Where((s, i) => s.Detected && (i == 0 || !scores[i - 1].Detected)).Count();
}
