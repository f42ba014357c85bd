using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Tests.Exceptions;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Alerts;

public sealed class AlertFoldTests
{
    private const string Spike = "demand_spike:channel:webstore";
    private const string Breaches = "sla_breach:payment_hold";

    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    private readonly FoldHarness _harness;
    private readonly SignalInjector _send;

    public AlertFoldTests() =>
        _harness = SignalInjector.Around(out _send, new AlertFold(new AlertOptions { UpdateEvery = TimeSpan.FromHours(1), MaterialGrowth = 1.5 }));

    [Fact]
    public void Many_reports_of_one_incident_are_one_alert_told_once_and_its_row_counts_them()
    {
        for (var i = 0; i < 5; i++)
        {
            Report(Incident(deviation: 4), T0.AddMinutes(i));
        }

        var notice = Assert.Single(_harness.RowsOf<AlertNotice>());
        Assert.Equal((AlertChanges.Opened, 1L, 1L, $"{Spike}#1.1"), (notice.Change, notice.Sequence, notice.Occurrence, notice.NoticeId));
        var row = Assert.Single(_harness.Latest<AlertRow>()).Value;
        Assert.Equal((AlertState.Open, 5L, 1L, T0), (row.Status, row.Reports, row.Notices, row.OpenedAt));
    }

    [Fact]
    public void An_update_is_told_only_once_the_rate_limit_has_passed_and_the_deviation_has_grown_materially()
    {
        Report(Incident(deviation: 4), T0);
        Report(Incident(deviation: 10), T0.AddMinutes(30)); // grown, but inside the hour
        Report(Incident(deviation: 5), T0.AddHours(2));     // the hour has passed, but 5 is not 1.5 × 4
        Assert.Equal([AlertChanges.Opened], Changes());

        Report(Incident(deviation: 6), T0.AddHours(3));     // both: 6 ≥ 1.5 × 4 and over an hour since the last notice

        Assert.Equal([AlertChanges.Opened, AlertChanges.Updated], Changes());
        var updated = _harness.RowsOf<AlertNotice>().Last();
        Assert.Equal((2L, 6.0, T0.AddHours(3)), (updated.Sequence, updated.Deviation, updated.At));
        var row = _harness.Latest<AlertRow>()[Spike];
        Assert.Equal((4L, 2L, 10.0), (row.Reports, row.Notices, row.PeakDeviation));
    }

    [Fact]
    public void The_rate_limit_counts_from_the_last_notice_and_compares_with_what_it_told()
    {
        Report(Incident(deviation: 4), T0);
        Report(Incident(deviation: 6), T0.AddHours(2));  // updated: told 6
        Report(Incident(deviation: 8), T0.AddHours(4));  // 8 < 1.5 × 6: nothing, though 2 × what was first told
        Report(Incident(deviation: 9), T0.AddHours(4).AddMinutes(30)); // 9 ≥ 1.5 × 6, over an hour after the update

        Assert.Equal([AlertChanges.Opened, AlertChanges.Updated, AlertChanges.Updated], Changes());
        Assert.Equal([4.0, 6.0, 9.0], _harness.RowsOf<AlertNotice>().Select(n => n.Deviation));
    }

    [Fact]
    public void A_severity_rise_is_told_at_once_as_an_escalation_even_inside_the_rate_limit()
    {
        Report(Incident(deviation: 4, severity: ExceptionSeverity.Medium), T0);
        Report(Incident(deviation: 4, severity: ExceptionSeverity.High), T0.AddMinutes(5));
        Report(Incident(deviation: 4, severity: ExceptionSeverity.High), T0.AddMinutes(10)); // no higher than told: nothing

        Assert.Equal([AlertChanges.Opened, AlertChanges.Escalated], Changes());
        var escalated = _harness.RowsOf<AlertNotice>().Last();
        Assert.Equal((ExceptionSeverity.High, T0.AddMinutes(5), $"{Spike}#1.2"), (escalated.Severity, escalated.At, escalated.NoticeId));
        Assert.Equal(ExceptionSeverity.High, _harness.Latest<AlertRow>()[Spike].Severity);
    }

    [Fact]
    public void A_clear_resolves_with_its_reason_and_a_later_report_opens_a_second_occurrence()
    {
        Report(Incident(deviation: 4), T0);
        Report(Incident(deviation: 5), T0.AddMinutes(20));
        _send.Send(Spike, new IncidentCleared(Spike, "back_to_normal"), T0.AddHours(2));

        var resolved = _harness.Latest<AlertRow>()[Spike];
        Assert.Equal((AlertState.Resolved, "back_to_normal", T0.AddHours(2)), (resolved.Status, resolved.Resolution, resolved.ResolvedAt));
        var told = _harness.RowsOf<AlertNotice>().Last();
        Assert.Equal((AlertChanges.Resolved, AlertState.Resolved, $"{Spike}#1.2"), (told.Change, told.Status, told.NoticeId));

        _send.Send(Spike, new IncidentCleared(Spike, "back_to_normal"), T0.AddHours(3)); // cleared again: nothing to tell
        Report(Incident(deviation: 7), T0.AddDays(1));

        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved, AlertChanges.Opened], Changes());
        var reopened = _harness.RowsOf<AlertNotice>().Last();
        Assert.Equal(($"{Spike}#2.1", 2L, 1L, T0.AddDays(1)), (reopened.NoticeId, reopened.Occurrence, reopened.Sequence, reopened.OpenedAt));
        var row = _harness.Latest<AlertRow>()[Spike];
        Assert.Equal((AlertState.Open, 2L, 1L, 1L), (row.Status, row.Occurrence, row.Reports, row.Notices));
        Assert.Null(row.ResolvedAt);
        Assert.Null(row.Resolution);
    }

    [Fact]
    public void A_counted_alert_opens_once_follows_the_count_and_resolves_when_none_is_left()
    {
        var values = new List<double>();
        foreach (var (step, minutes) in new[] { (1, 0), (1, 5), (-1, 10), (-1, 15) })
        {
            Report(Counted(step), T0.AddMinutes(minutes));
            values.Add(_harness.Latest<AlertRow>()[Breaches].Value);
        }

        Assert.Equal([1.0, 2.0, 1.0, 0.0], values);
        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved], Changes());
        var row = _harness.Latest<AlertRow>()[Breaches];
        Assert.Equal((AlertState.Resolved, "none_left", T0.AddMinutes(15)), (row.Status, row.Resolution, row.ResolvedAt));

        var rowsBefore = _harness.Rows.Count;
        Report(Counted(-1), T0.AddMinutes(20)); // a count going down on a closed alert

        Assert.Equal(rowsBefore, _harness.Rows.Count);
        Assert.Equal(AlertState.Resolved, _harness.State<AlertState>(AlertFold.FoldName, Breaches).Status);
    }

    [Fact]
    public void A_quiet_alert_resolves_by_timer_once_its_quiet_period_after_the_last_report_has_passed()
    {
        var quiet = TimeSpan.FromHours(6);
        Report(Counted(1, quiet), T0);
        Report(Counted(1, quiet), T0.AddMinutes(30)); // restarts the quiet period (and is inside the rate limit)
        var due = T0.AddMinutes(30) + quiet;

        _harness.AdvanceTo(due.AddSeconds(-1));
        Assert.Equal([AlertChanges.Opened], Changes());
        Assert.Equal(AlertState.Open, _harness.Latest<AlertRow>()[Breaches].Status);

        _harness.AdvanceTo(due);

        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved], Changes());
        var row = _harness.Latest<AlertRow>()[Breaches];
        Assert.Equal((AlertState.Resolved, "quiet", due, 2.0), (row.Status, row.Resolution, row.ResolvedAt, row.Value));
        Assert.Equal(due, _harness.RowsOf<AlertNotice>().Last().At);

        _harness.AdvanceTo(T0.AddDays(3));
        Assert.Equal(2, _harness.RowsOf<AlertNotice>().Count()); // resolved once, no timer left
    }

    [Fact]
    public void A_new_leading_cause_is_told_at_once_even_inside_the_rate_limit_and_only_once()
    {
        Report(Incident(deviation: 4) with { CauseEntities = ["channel:webstore", "promotion:none", "sku:SKU-1"] }, T0);
        Report(Incident(deviation: 4) with { CauseEntities = ["channel:webstore", "promotion:PROMO-FLASH", "sku:SKU-7"] }, T0.AddMinutes(10));
        Report(Incident(deviation: 4) with { CauseEntities = ["channel:webstore", "promotion:PROMO-FLASH", "sku:SKU-8"] }, T0.AddMinutes(20));
        Report(Incident(deviation: 4) with { CauseEntities = ["channel:webstore", "promotion:none", "sku:SKU-9"] }, T0.AddMinutes(30));

        Assert.Equal([AlertChanges.Opened, AlertChanges.Updated], Changes()); // the SKUs behind it shuffle; the old cause is not told again
        Assert.Contains("promotion:PROMO-FLASH", _harness.RowsOf<AlertNotice>().Last().CauseEntities);
    }

    private void Report(IncidentReported report, DateTimeOffset at) => _send.Send(report.AlertId, report, at);

    private List<string> Changes() => [.. _harness.RowsOf<AlertNotice>().Select(n => n.Change)];

    /// <summary>A demand spike on the webstore: anomaly-sourced, value fixed so that only the deviation moves.</summary>
    private static IncidentReported Incident(double deviation, string severity = ExceptionSeverity.Medium) =>
        new(Spike, "demand_spike", "anomaly", severity, "planners", "units_ordered", "channel:webstore", 100, 40, deviation, deviation,
            "promotion PROMO-FLASH", ["channel:webstore", "promotion:PROMO-FLASH"], "Check stock cover for the promoted SKUs.",
            "units ordered per hour", "robust");

    /// <summary>A counted report: +1 or −1 on the number of payment holds past their SLA.</summary>
    private static IncidentReported Counted(int step, TimeSpan? quietAfter = null) =>
        new(Breaches, ExceptionAlerts.SlaBreach, "operational", ExceptionSeverity.High, "payments", "exceptions_breached",
            "exception:payment_hold", step, 0, 0, 0.5, "payment_hold on exception:payment_hold", ["exception:payment_hold"],
            "Work the breached payment_hold exceptions in the queue.", "payment_hold:O-1 breached", "exception rule payment_hold",
            Accumulates: true, QuietAfter: quietAfter);
}
