using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Exceptions;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Anomalies;

public sealed class KpiSeriesFoldTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Series = KpiObserved.KeyOf(KpiFamilies.Demand.Name, "channel:webstore");

    private readonly List<(string Key, ISignal Signal)> _reports = [];

    [Fact]
    public void A_steady_series_is_scored_every_hour_even_when_empty_and_raises_nothing()
    {
        var (harness, send) = Harness();
        Steady(send, days: 4);
        harness.AdvanceTo(Monday.AddDays(4).AddMinutes(40)); // past the last hour and its 30-minute grace

        var scores = harness.RowsOf<AnomalyScoreRow>().ToList();
        Assert.Equal((4 * 24) - 6, scores.Count); // every hour from the first order (06:00 on Monday) to the last closed one
        Assert.Equal(scores.OrderBy(s => s.Bucket).Select(s => s.Bucket), scores.Select(s => s.Bucket));
        Assert.Contains(scores, s => s.Value == 0); // the quiet night hours are points too
        Assert.Equal("warming-up", scores[0].Basis);
        Assert.Equal("robust (no model: cold start)", scores[^1].Basis);
        Assert.Empty(harness.RowsOf<AlertNotice>());
    }

    [Fact]
    public void A_spike_driven_by_a_promotion_opens_one_alert_that_names_it_and_clears_when_demand_is_back()
    {
        var (harness, send) = Harness(new ScorerOptions { HoldFor = TimeSpan.FromHours(3) });
        Steady(send, days: 7);
        var spike = Monday.AddDays(7).AddHours(10); // a Monday-week later, three times the usual demand for six hours
        Steady(send, days: 2, from: Monday.AddDays(7), rush: at => at >= spike && at < spike.AddHours(6));
        harness.AdvanceTo(spike.AddDays(2));

        var notices = harness.RowsOf<AlertNotice>().ToList();
        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved], notices.Where(n => n.Change != AlertChanges.Updated && n.Change != AlertChanges.Escalated).Select(n => n.Change));
        var opened = notices[0];
        Assert.Equal("demand_spike:channel:webstore", opened.AlertId);
        Assert.Equal("anomaly", opened.Source);
        Assert.InRange(opened.At, spike.AddHours(1), spike.AddHours(2)); // the promotion surges in the first hour: told when that hour closes
        Assert.Contains("promotion:PROMO-FLASH", opened.CauseEntities);
        Assert.Contains("sku:SKU-7", opened.CauseEntities);
        Assert.StartsWith("channel:webstore", opened.CauseEntities[0]);
        Assert.True(opened.Value > opened.Expected + KpiFamilies.Demand.MinimumExcess, $"{opened.Value} vs {opened.Expected}");
        Assert.Contains("webstore", opened.NextAction);
        Assert.Contains("PROMO-FLASH", opened.NextAction);
        Assert.True(opened.Deviation > 0);
        Assert.Single(harness.Latest<AlertRow>());
    }

    [Fact]
    public void The_same_rush_without_a_promotion_behind_it_waits_for_the_averaged_score()
    {
        var (harness, send) = Harness();
        Steady(send, days: 7);
        var rush = Monday.AddDays(7).AddHours(10);
        Steady(send, days: 1, from: Monday.AddDays(7), rush: at => at == rush, promotion: null); // one hour, organic

        Assert.DoesNotContain(harness.RowsOf<AlertNotice>(), n => n.At < rush.AddHours(2));
    }

    [Fact]
    public void A_drop_is_not_a_demand_spike()
    {
        var (harness, send) = Harness();
        Steady(send, days: 4);
        harness.AdvanceTo(Monday.AddDays(5)); // a whole day with no orders at all

        Assert.Contains(harness.RowsOf<AnomalyScoreRow>(), s => s.Bucket >= Monday.AddDays(4) && s.Deviation < -2);
        Assert.Empty(harness.RowsOf<AlertNotice>());
    }

    [Fact]
    public void An_observation_for_a_bucket_already_scored_is_counted_late_and_left_out()
    {
        var (harness, send) = Harness();
        send(Series, Observe(2), Monday.AddMinutes(10));
        send(Series, Observe(3), Monday.AddHours(2));
        send(Series, Observe(5), Monday.AddMinutes(20)); // the 00:00 bucket closed when 02:00 arrived

        var state = harness.State<KpiSeriesState>(KpiSeriesFold.FoldName, Series);
        Assert.Equal(1, state.LateObservations);
        var first = Assert.Single(harness.RowsOf<AnomalyScoreRow>(), s => s.Bucket == Monday);
        Assert.Equal(2, first.Value);
    }

    [Fact]
    public void With_a_trained_model_the_scores_say_which_model_they_rest_on()
    {
        var model = new AnomalyModel
        {
            Version = 7, TrainedAt = Monday, DataFrom = Monday.AddDays(-30), DataTo = Monday,
            Families = new Dictionary<string, FamilyModel>
            {
                ["demand"] = new()
                {
                    Mean = new float[SeriesFeatures.Count], Components = [], ErrorScale = 100, TrainingPoints = 1_000, Series = 5,
                },
            },
        };
        var (harness, send) = Harness(model: model);
        Steady(send, days: 3);
        harness.AdvanceTo(Monday.AddDays(3).AddMinutes(40));

        Assert.Equal("robust+pca v7", harness.RowsOf<AnomalyScoreRow>().Last().Basis);
    }

    [Fact]
    public void A_family_switched_off_is_not_scored()
    {
        var (harness, send) = Harness(families: ["backlog"]);
        Steady(send, days: 1);
        harness.AdvanceTo(Monday.AddDays(2));

        Assert.Empty(harness.RowsOf<AnomalyScoreRow>());
    }

    /// <summary>20 units an hour by day, 4 in the evening and early morning, none from midnight to 6, in orders of 2 units.</summary>
    private static void Steady(
        Action<string, ISignal, DateTimeOffset> send, int days, DateTimeOffset? from = null, Func<DateTimeOffset, bool>? rush = null,
        string? promotion = "PROMO-FLASH")
    {
        var start = from ?? Monday;
        for (var hour = 0; hour < days * 24; hour++)
        {
            var at = start.AddHours(hour);
            var orders = at.Hour switch { >= 8 and < 22 => 10, < 6 => 0, _ => 2 };
            for (var order = 0; order < orders; order++)
            {
                send(Series, Observe(2, sku: $"SKU-{order % 5}"), at.AddMinutes(order * 5));
            }

            for (var order = 0; rush?.Invoke(at) == true && order < 10; order++)
            {
                send(Series, Observe(4, promotion, "SKU-7"), at.AddMinutes(50 + order));
            }
        }
    }

    private static KpiObserved Observe(double units, string? promotion = null, string sku = "SKU-1") =>
        new(KpiFamilies.Demand.Name, "channel:webstore", units, Drivers: [new KpiDriver($"sku:{sku}", units), new KpiDriver($"promotion:{promotion ?? "none"}", units)]);

    private static (FoldHarness Harness, Action<string, ISignal, DateTimeOffset> Send) Harness(
        ScorerOptions? scorer = null, AnomalyModel? model = null, IReadOnlyList<string>? families = null)
    {
        var options = new AnomalyOptions { Scorer = scorer ?? new ScorerOptions(), Model = model, Families = families ?? ["demand"] };
        var harness = SignalInjector.Around(out var injector, new KpiSeriesFold(options), new AlertFold(new AlertOptions()));
        return (harness, (key, signal, at) => injector.Send(key, signal, at));
    }
}
