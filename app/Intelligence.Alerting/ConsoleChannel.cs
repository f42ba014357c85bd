using System.Globalization;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting;

/// <summary>
/// Writes each notice as one readable line to the log, at Information for low and medium, Warning for
/// high and Error for critical, e.g.
/// <c>ALERT opened [high] demand_spike units_ordered channel:amazon: 412 vs 96 expected (+8.3σ); cause: ...; next: ...</c>
/// </summary>
internal sealed class ConsoleChannel(ILogger logger) : IAlertChannel
{
    private const string Line =
        "ALERT {Change:l} [{Severity:l}] {Kind:l} {Metric:l} {Entity:l}: {Measure:l}; cause: {Cause:l}; next: {NextAction:l}; team: {Team:l}; notice {NoticeId:l}";

    public Task<DeliveryAttempt> SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        logger.Log(LevelOf(notice.Severity), Line, notice.Change, notice.Severity, notice.Kind, notice.Metric, notice.Entity,
            Measure(notice), CauseOf(notice), OrNone(notice.NextAction), OrNone(notice.Team), notice.NoticeId);
        return Task.FromResult(DeliveryAttempt.Delivered);
    }

    /// <summary><c>412 vs 96 expected (+8.3σ)</c>; without the deviation when there is none (operational signals).</summary>
    public static string Measure(AlertNotice notice)
    {
        var measure = $"{Number(notice.Value)} vs {Number(notice.Expected)} expected";
        return notice.Deviation == 0 || !double.IsFinite(notice.Deviation)
            ? measure
            : $"{measure} ({notice.Deviation.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)}σ)";
    }

    private static string CauseOf(AlertNotice notice) =>
        notice.Cause.Length > 0 ? notice.Cause
        : notice.CauseEntities.Count > 0 ? string.Join(", ", notice.CauseEntities)
        : "unknown";

    private static string OrNone(string text) => text.Length > 0 ? text : "none";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static LogLevel LevelOf(string severity) => ExceptionSeverity.Rank(severity) switch
    {
        >= 3 => LogLevel.Error,
        2 => LogLevel.Warning,
        _ => LogLevel.Information,
    };
}
