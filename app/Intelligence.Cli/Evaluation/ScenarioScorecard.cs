using Intelligence.Processors.Alerts;
using Intelligence.Simulator;

namespace Intelligence.Cli.Evaluation;

/// <summary>
/// Alerts judged against the simulator's ground truth. An alert finds a scenario when a notice of it
/// (opened, escalated or updated) names the scenario's entity among its cause entities
/// (<c>promotion:PROMO-FLASH-01</c>, <c>supplier:SUP-009</c>, <c>node:3PL-NORTH</c>, <c>category:home</c>)
/// between the scenario's start and <see cref="Slack"/> after its end, and is of a kind that speaks of
/// the scenario (<see cref="KindsOf"/>): an alert already open when the
/// scenario starts finds it when it tells the new cause. An alert opened that names no scenario's entity is false.
/// </summary>
public sealed class ScenarioScorecard(IReadOnlyList<ScenarioTruth> truths, IReadOnlyList<AlertNotice> notices, TimeSpan span)
{
    /// <summary>How long after a scenario ends an alert about it still counts as finding it (effects such as returns trail their cause).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromDays(2);

    private readonly List<AlertNotice> _opened = [.. notices.Where(n => n.Change == AlertChanges.Opened).OrderBy(n => n.At)];

    private readonly List<AlertNotice> _told = [.. notices.Where(n => n.Change != AlertChanges.Resolved).OrderBy(n => n.At)];

    public IReadOnlyList<ScenarioFinding> Findings => [.. truths.Select(Find)];

    /// <summary>Alerts opened that name no scenario's entity, per simulated day, by source.</summary>
    public double FalseAlertsPerDay(string source) =>
        _opened.Count(n => n.Source == source && !truths.Any(t => Names(n, t))) / Math.Max(span.TotalDays, 1e-9);

    public int Opened(string source) => _opened.Count(n => n.Source == source);

    /// <summary>The alert kinds that speak of each scenario: an alert of another kind that happens to name the entity (a return-rate jump naming the slipping supplier as a driver) does not find it.</summary>
    public static IReadOnlyList<string> KindsOf(Scenario scenario) => scenario switch
    {
        Scenario.FlashPromotion => ["demand_spike", "oversell_risk", "oversell", "margin_leak"],
        Scenario.SupplierSlippage => ["lead_time_slip", "supplier_slippage"],
        Scenario.ThreePlBacklog => ["backlog_growth", "node_backlog"],
        Scenario.HighReturnRate => ["return_rate_jump", "return_rate_quality"],
        _ => [],
    };

    public static string EntityOf(ScenarioTruth truth) => truth.EntityKind switch
    {
        "product-line" => $"category:{truth.EntityId}",
        var kind => $"{kind}:{truth.EntityId}",
    };

    private ScenarioFinding Find(ScenarioTruth truth)
    {
        var kinds = KindsOf(truth.Scenario);
        var matching = _told.Where(n => Names(n, truth) && kinds.Contains(n.Kind) && n.At >= truth.StartsAt && n.At <= truth.EndsAt + Slack).ToList();
        return new ScenarioFinding(
            truth, EntityOf(truth), matching.FirstOrDefault(), matching.FirstOrDefault(n => n.Source == "anomaly"),
            matching.FirstOrDefault(n => n.Source == "operational"), matching.Select(n => (n.AlertId, n.Occurrence)).Distinct().Count());
    }

    private static bool Names(AlertNotice notice, ScenarioTruth truth) => notice.CauseEntities.Contains(EntityOf(truth));
}

/// <summary>What the alerts made of one scenario: the first alert naming it, the first of each source, and how many did.</summary>
public sealed record ScenarioFinding(
    ScenarioTruth Truth, string Entity, AlertNotice? First, AlertNotice? FirstAnomaly, AlertNotice? FirstOperational, int Alerts)
{
    public bool Detected => First is not null;

    public TimeSpan? Delay => First is null ? null : First.At - Truth.StartsAt;

    public TimeSpan? AnomalyDelay => FirstAnomaly is null ? null : FirstAnomaly.At - Truth.StartsAt;

    public TimeSpan? OperationalDelay => FirstOperational is null ? null : FirstOperational.At - Truth.StartsAt;
}
