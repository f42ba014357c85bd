using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Exceptions;

public sealed class ExceptionQueueTests
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    private readonly FoldHarness _harness;
    private readonly SignalInjector _send;

    public ExceptionQueueTests() => _harness = SignalInjector.Around(out _send, new ExceptionQueueFold(new ExceptionPolicyOptions()));

    [Fact]
    public void Raising_opens_an_exception_with_the_category_severity_team_and_sla()
    {
        Raise(ExceptionCategories.FraudReview, "O-1", T0, new ExceptionContext("webstore", 120m, "standard"));

        var row = Latest("fraud_review:O-1");
        Assert.Equal(("open", "high", "fraud", 1L), (row.Status, row.Severity, row.Team, row.Occurrences));
        Assert.Equal(T0.AddHours(4), row.SlaDueAt);
        Assert.Equal(("webstore", 120m, "standard"), (row.Channel, row.OrderValue, row.CustomerTier));
        Assert.Equal(1, Count("exceptions_opened", "category:fraud_review"));
        Assert.Equal(["opened"], Changes("fraud_review:O-1"));
    }

    [Fact]
    public void Raising_an_open_exception_again_updates_it_without_counting_it_twice()
    {
        Raise(ExceptionCategories.PaymentHold, "O-1", T0, new ExceptionContext("webstore", 50m), "declined");
        Raise(ExceptionCategories.PaymentHold, "O-1", T0.AddMinutes(5), new ExceptionContext("webstore", 80m), "held");

        var row = Latest("payment_hold:O-1");
        Assert.Equal(("open", "held", 80m, 1L), (row.Status, row.Detail, row.OrderValue, row.Occurrences));
        Assert.Equal(T0, row.OpenedAt);
        Assert.Equal(1, Count("exceptions_opened", "category:payment_hold"));
        Assert.Equal(["opened", "updated"], Changes("payment_hold:O-1"));
    }

    [Fact]
    public void Resolving_closes_it_with_the_resolution_and_the_time_it_took()
    {
        Raise(ExceptionCategories.CarrierDelay, "SHP-1", T0);
        Resolve("carrier_delay:SHP-1", "delivered", T0.AddHours(3));

        var row = Latest("carrier_delay:SHP-1");
        Assert.Equal(("resolved", "delivered", T0.AddHours(3), 3 * 3600.0), (row.Status, row.Resolution, row.ResolvedAt, row.ResolveSeconds));
        Assert.Equal(1, Count("exceptions_resolved", "category:carrier_delay"));
        Assert.Equal(3 * 3600.0, _harness.RowsOf<KpiCount>().Single(k => k.Metric == "exception_resolve_seconds").Value);
    }

    [Fact]
    public void Resolving_twice_or_resolving_an_unknown_exception_changes_nothing()
    {
        Raise(ExceptionCategories.CarrierDelay, "SHP-1", T0);
        Resolve("carrier_delay:SHP-1", "delivered", T0.AddHours(1));
        Resolve("carrier_delay:SHP-1", "delivered", T0.AddHours(2));
        Resolve("backorder:O-9/L1", "allocated", T0.AddHours(2));

        Assert.Equal(1, Count("exceptions_resolved", "category:carrier_delay"));
        Assert.DoesNotContain(_harness.RowsOf<ExceptionRow>(), r => r.ExceptionId == "backorder:O-9/L1");
        Assert.Equal(T0.AddHours(1), Latest("carrier_delay:SHP-1").ResolvedAt);
    }

    [Fact]
    public void A_resolved_exception_raised_again_reopens_as_a_new_occurrence_with_a_fresh_sla()
    {
        Raise(ExceptionCategories.SplitShipment, "O-1", T0);
        Resolve("split_shipment:O-1", "delivered", T0.AddHours(10));
        Raise(ExceptionCategories.SplitShipment, "O-1", T0.AddHours(20));

        var row = Latest("split_shipment:O-1");
        Assert.Equal(("open", 2L, T0.AddHours(20)), (row.Status, row.Occurrences, row.OpenedAt));
        Assert.Null(row.ResolvedAt);
        Assert.Null(row.Resolution);
        Assert.Equal(T0.AddHours(20 + 96), row.SlaDueAt);
        Assert.Equal(2, Count("exceptions_opened", "category:split_shipment"));
        Assert.Equal(["opened", "resolved", "opened"], Changes("split_shipment:O-1"));
    }

    [Fact]
    public void At_the_sla_it_is_breached_and_escalates_and_at_twice_the_sla_it_escalates_again()
    {
        Raise(ExceptionCategories.AddressValidation, "O-1", T0);

        _harness.AdvanceTo(T0.AddHours(4).AddSeconds(-1));
        Assert.False(Latest("address_validation:O-1").Breached);

        _harness.AdvanceTo(T0.AddHours(4));
        var breached = Latest("address_validation:O-1");
        Assert.Equal((true, 1L, "high"), (breached.Breached, breached.EscalationLevel, breached.Severity));
        Assert.Equal(1, Count("exceptions_breached", "category:address_validation"));

        _harness.AdvanceTo(T0.AddHours(8));
        var twice = Latest("address_validation:O-1");
        Assert.Equal((2L, "critical"), (twice.EscalationLevel, twice.Severity));

        _harness.AdvanceTo(T0.AddDays(10));
        Assert.Equal(2L, Latest("address_validation:O-1").EscalationLevel);
        Assert.Equal(1, Count("exceptions_breached", "category:address_validation"));
        Assert.Equal(["opened", "escalated", "escalated"], Changes("address_validation:O-1"));
    }

    [Fact]
    public void Escalation_never_climbs_past_critical()
    {
        Raise(ExceptionCategories.Oversell, "SKU-1@DC-EAST", T0);
        _harness.AdvanceTo(T0.AddDays(1));

        var row = Latest("oversell:SKU-1@DC-EAST");
        Assert.Equal((2L, "critical"), (row.EscalationLevel, row.Severity));
    }

    [Fact]
    public void An_exception_resolved_within_its_sla_is_never_breached()
    {
        Raise(ExceptionCategories.PaymentHold, "O-1", T0);
        Resolve("payment_hold:O-1", "released", T0.AddHours(1));
        _harness.AdvanceTo(T0.AddDays(1));

        Assert.False(Latest("payment_hold:O-1").Breached);
        Assert.Equal(0, Count("exceptions_breached", "category:payment_hold"));
    }

    [Fact]
    public void A_channel_sla_replaces_the_category_sla_for_that_channel_only()
    {
        Raise(ExceptionCategories.PaymentHold, "O-1", T0, new ExceptionContext("wholesale"));
        Raise(ExceptionCategories.PaymentHold, "O-2", T0, new ExceptionContext("webstore"));

        Assert.Equal(T0.AddHours(24), Latest("payment_hold:O-1").SlaDueAt);
        Assert.Equal(T0.AddHours(2), Latest("payment_hold:O-2").SlaDueAt);
    }

    [Fact]
    public void Every_category_has_a_severity_an_sla_and_a_team_and_the_defaults_are_valid()
    {
        var options = new ExceptionPolicyOptions();
        foreach (var category in ExceptionCategories.All)
        {
            Assert.True(options.Severities.ContainsKey(category), category);
            Assert.True(options.Slas.ContainsKey(category), category);
            Assert.True(options.Teams.ContainsKey(category), category);
        }

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Invalid_policy_settings_are_named_with_their_range()
    {
        var options = new ExceptionPolicyOptions
        {
            Severities = new Dictionary<string, string> { ["backorder"] = "urgent" },
            Slas = new Dictionary<string, TimeSpan> { ["backorder"] = TimeSpan.Zero },
            RoutingRules = [new ExceptionRoutingRule { Name = "x", Categories = ["nope"], Team = "", SeverityBump = 5 }],
            SecondEscalationAfterSlas = 1,
        };

        var problems = options.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Severities:backorder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Slas:backorder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RoutingRules:0:Team", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RoutingRules:0:Categories", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RoutingRules:0:SeverityBump", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("SecondEscalationAfterSlas", StringComparison.Ordinal));
    }

    private void Raise(string category, string entity, DateTimeOffset at, ExceptionContext? context = null, string detail = "detail")
    {
        var id = ExceptionRaised.IdOf(category, entity);
        _send.Send(id, new ExceptionRaised(id, category, "test", entity, context ?? new ExceptionContext(), detail), at);
    }

    private void Resolve(string id, string resolution, DateTimeOffset at) => _send.Send(id, new ExceptionResolved(id, resolution), at);

    private ExceptionRow Latest(string id) => _harness.Latest<ExceptionRow>()[id];

    private List<string> Changes(string id) =>
        [.. _harness.RowsOf<ExceptionEventRow>().Where(e => e.ExceptionId == id).Select(e => e.Change)];

    private int Count(string metric, string entity) =>
        (int)_harness.RowsOf<KpiCount>().Where(k => k.Metric == metric && k.Entity == entity).Sum(k => k.Value);
}
