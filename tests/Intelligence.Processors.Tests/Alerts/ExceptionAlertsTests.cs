using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Tests.Exceptions;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Alerts;

public sealed class ExceptionAlertsTests
{
    private const string Risk = "oversell_risk:SKU-1@webstore";
    private const string HoldBreaches = "sla_breach:payment_hold";
    private const string WebstoreSettlements = "unreconciled_settlement:channel:webstore";

    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    private readonly FoldHarness _harness;
    private readonly SignalInjector _send;

    public ExceptionAlertsTests() => _harness = SignalInjector.Around(out _send,
        new ExceptionQueueFold(new ExceptionPolicyOptions(), new AlertOptions()), new AlertFold(new AlertOptions()));

    [Fact]
    public void An_oversell_risk_exception_is_an_operational_alert_naming_channel_and_sku_and_resolves_with_it()
    {
        Raise(ExceptionCategories.OversellRisk, "sku-channel", "SKU-1@webstore", T0, new ExceptionContext(Channel: "webstore", Sku: "SKU-1", Risk: 0.6));

        var opened = Assert.Single(_harness.RowsOf<AlertNotice>());
        Assert.Equal((Risk, AlertChanges.Opened, "operational", ExceptionCategories.OversellRisk), (opened.AlertId, opened.Change, opened.Source, opened.Kind));
        Assert.Equal((ExceptionSeverity.High, "inventory_planning", "sku-channel:SKU-1@webstore"), (opened.Severity, opened.Team, opened.Entity));
        Assert.Contains("channel:webstore", opened.CauseEntities);
        Assert.Contains("sku:SKU-1", opened.CauseEntities);
        Assert.Contains("webstore", opened.NextAction, StringComparison.Ordinal);
        Assert.Contains("SKU-1", opened.NextAction, StringComparison.Ordinal);

        _send.Send(Risk, new ExceptionResolved(Risk, "restocked"), T0.AddHours(1));

        var row = _harness.Latest<AlertRow>()[Risk];
        Assert.Equal((AlertState.Resolved, "restocked", T0.AddHours(1)), (row.Status, row.Resolution, row.ResolvedAt));
        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved], Changes(Risk));
    }

    [Fact]
    public void An_alerted_exception_past_its_sla_escalates_its_own_alert_and_counts_as_a_breach()
    {
        Raise(ExceptionCategories.OversellRisk, "sku-channel", "SKU-1@webstore", T0, new ExceptionContext(Channel: "webstore", Sku: "SKU-1"));

        _harness.AdvanceTo(T0.AddHours(12)); // the oversell-risk SLA

        Assert.Equal([AlertChanges.Opened, AlertChanges.Escalated], Changes(Risk));
        Assert.Equal(ExceptionSeverity.Critical, _harness.RowsOf<AlertNotice>().Last(n => n.AlertId == Risk).Severity);
        var breaches = _harness.Latest<AlertRow>()["sla_breach:oversell_risk"];
        Assert.Equal((1.0, ExceptionSeverity.High), (breaches.Value, breaches.Severity)); // the category's own severity
    }

    [Fact]
    public void A_category_not_alerted_raises_nothing_until_it_breaches_and_then_its_breaches_are_counted()
    {
        Raise(ExceptionCategories.PaymentHold, "order", "O-1", T0, new ExceptionContext(Channel: "webstore"));
        Raise(ExceptionCategories.PaymentHold, "order", "O-2", T0.AddMinutes(30), new ExceptionContext(Channel: "webstore"));

        _harness.AdvanceTo(T0.AddHours(2).AddSeconds(-1)); // just inside the 2-hour payment-hold SLA
        Assert.Empty(_harness.RowsOf<AlertNotice>());
        Assert.Empty(_harness.RowsOf<AlertRow>());

        _harness.AdvanceTo(T0.AddHours(2));
        var first = Assert.Single(_harness.RowsOf<AlertNotice>());
        Assert.Equal((HoldBreaches, ExceptionAlerts.SlaBreach, AlertChanges.Opened, 1.0), (first.AlertId, first.Kind, first.Change, first.Value));
        Assert.Equal((ExceptionSeverity.High, "payments", "exception:payment_hold"), (first.Severity, first.Team, first.Entity));
        Assert.Contains("payment_hold:O-1", first.Detail, StringComparison.Ordinal);

        _harness.AdvanceTo(T0.AddHours(2).AddMinutes(30));
        var row = _harness.Latest<AlertRow>()[HoldBreaches];
        Assert.Equal((AlertState.Open, 2.0, 2L), (row.Status, row.Value, row.Reports));
        Assert.Single(_harness.RowsOf<AlertNotice>()); // the second breach is inside the rate limit
        Assert.DoesNotContain(_harness.RowsOf<AlertRow>(), r => r.AlertId.StartsWith("payment_hold:", StringComparison.Ordinal));

        _harness.AdvanceTo(T0.AddHours(2).AddMinutes(30).AddDays(1)); // a day with no further breach
        var quiet = _harness.Latest<AlertRow>()[HoldBreaches];
        Assert.Equal((AlertState.Resolved, "quiet"), (quiet.Status, quiet.Resolution));
    }

    [Fact]
    public void Unreconciled_settlements_on_one_channel_are_one_alert_counting_the_open_ones()
    {
        for (var i = 1; i <= 3; i++)
        {
            Raise(ExceptionCategories.UnreconciledSettlement, "order", $"O-{i}", T0.AddMinutes(i), new ExceptionContext(Channel: "webstore"));
        }

        Raise(ExceptionCategories.UnreconciledSettlement, "order", "O-1", T0.AddMinutes(5), new ExceptionContext(Channel: "webstore")); // an update: not counted again
        Raise(ExceptionCategories.UnreconciledSettlement, "order", "O-9", T0.AddMinutes(6), new ExceptionContext(Channel: "wholesale"));

        var alerts = _harness.Latest<AlertRow>();
        Assert.Equal(
            [WebstoreSettlements, "unreconciled_settlement:channel:wholesale"],
            alerts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3.0, alerts[WebstoreSettlements].Value);
        Assert.Equal([AlertChanges.Opened], Changes(WebstoreSettlements));

        for (var i = 1; i <= 3; i++)
        {
            var id = ExceptionRaised.IdOf(ExceptionCategories.UnreconciledSettlement, $"O-{i}");
            _send.Send(id, new ExceptionResolved(id, "settled"), T0.AddHours(i));
        }

        var row = _harness.Latest<AlertRow>()[WebstoreSettlements];
        Assert.Equal((AlertState.Resolved, "none_left", 0.0), (row.Status, row.Resolution, row.Value));
        Assert.Equal([AlertChanges.Opened, AlertChanges.Resolved], Changes(WebstoreSettlements));
        Assert.Equal(AlertState.Open, _harness.Latest<AlertRow>()["unreconciled_settlement:channel:wholesale"].Status);
    }

    [Fact]
    public void An_unreconciled_settlement_whose_channel_becomes_known_is_uncounted_where_it_was_counted()
    {
        Raise(ExceptionCategories.UnreconciledSettlement, "order", "O-1", T0, new ExceptionContext()); // the order is not known yet
        Raise(ExceptionCategories.UnreconciledSettlement, "order", "O-1", T0.AddHours(1), new ExceptionContext(Channel: "webstore"));
        var id = ExceptionRaised.IdOf(ExceptionCategories.UnreconciledSettlement, "O-1");
        _send.Send(id, new ExceptionResolved(id, "settled"), T0.AddHours(2));

        // Nothing is open any more, so no counted alert may be left open or hold a count.
        Assert.All(_harness.Latest<AlertRow>().Values, row => Assert.Equal((AlertState.Resolved, 0.0), (row.Status, row.Value)));
    }

    [Fact]
    public void The_default_alert_options_are_valid()
    {
        Assert.Empty(new AlertOptions().Problems());
    }

    [Fact]
    public void Alert_options_name_an_unknown_category_and_a_category_listed_both_ways()
    {
        var options = new AlertOptions
        {
            Categories = [ExceptionCategories.Oversell, "stock_out"],
            CountedCategories = [ExceptionCategories.UnreconciledSettlement, ExceptionCategories.Oversell],
        };

        var problems = options.Problems().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'stock_out'", StringComparison.Ordinal) && p.Contains("not an exception category", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'oversell'", StringComparison.Ordinal) && p.Contains("both", StringComparison.Ordinal));
    }

    private void Raise(string category, string entityKind, string entity, DateTimeOffset at, ExceptionContext context)
    {
        var id = ExceptionRaised.IdOf(category, entity);
        _send.Send(id, new ExceptionRaised(id, category, entityKind, entity, context, "detail"), at);
    }

    private List<string> Changes(string alertId) =>
        [.. _harness.RowsOf<AlertNotice>().Where(n => n.AlertId == alertId).Select(n => n.Change)];
}
