using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;

namespace Intelligence.Alerting.Tests;

/// <summary>Alert notices for tests: a demand spike opened for the planners unless told otherwise.</summary>
public static class NoticeBuilder
{
    private static readonly DateTimeOffset OpenedAt = new(2025, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static AlertNotice Notice(long sequence = 0, string severity = ExceptionSeverity.High, string team = "planners",
        string kind = "demand_spike", string change = AlertChanges.Opened) => new(
        AlertId: $"{kind}:channel:amazon", Sequence: sequence, Change: change, At: OpenedAt.AddMinutes(sequence), Kind: kind,
        Source: "anomaly", Status: "open", Severity: severity, Team: team, Metric: "units_ordered", Entity: "channel:amazon",
        Value: 412, Expected: 96, Deviation: 8.3, Cause: "promotion PROMO-FLASH-01",
        CauseEntities: ["promotion:PROMO-FLASH-01"], NextAction: "check stock cover for the promoted SKUs",
        Detail: "units ordered per hour", Basis: "robust", OpenedAt: OpenedAt, Occurrence: 1);

    /// <summary>Notices 0..count-1 of one alert, in sequence.</summary>
    public static AlertNotice[] Sequence(int count) => [.. Enumerable.Range(0, count).Select(i => Notice(i))];
}
