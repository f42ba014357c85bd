using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Alerts;

/// <summary>
/// Something a planner should hear about, sent by the fold that saw it to the alert fold under
/// <see cref="AlertId"/> (<c>kind:entity</c>). Reporting an open incident again updates it; it is
/// still one incident and one alert.
/// </summary>
/// <param name="Kind">What happened, one word per kind: <c>demand_spike</c>, <c>lead_time_slip</c>, <c>sla_breach</c>...</param>
/// <param name="Source"><c>anomaly</c> (a scored KPI) or <c>operational</c> (a processor's own signal).</param>
/// <param name="Deviation">Signed, in robust standard deviations; 0 for operational signals.</param>
/// <param name="CauseEntities">What probably drives it, as <c>kind:id</c> (<c>promotion:PROMO-FLASH-01</c>, <c>supplier:SUP-007</c>).</param>
/// <param name="Basis">What the score rests on (<c>robust</c>, <c>robust+pca v3</c>) or the rule that fired.</param>
/// <param name="Accumulates">The alert's value is the sum of its reports (breaches counted), not the latest.</param>
/// <param name="QuietAfter">For incidents nothing clears explicitly: resolved once no report has come for this long.</param>
public sealed record IncidentReported(
    string AlertId,
    string Kind,
    string Source,
    string Severity,
    string Team,
    string Metric,
    string Entity,
    double Value,
    double Expected,
    double Deviation,
    double Score,
    string Cause,
    IReadOnlyList<string> CauseEntities,
    string NextAction,
    string Detail,
    string Basis,
    bool Accumulates = false,
    TimeSpan? QuietAfter = null) : ISignal;

/// <summary>The incident is over (the KPI is back to normal, the exception resolved).</summary>
public sealed record IncidentCleared(string AlertId, string Reason) : ISignal;
