using System.Globalization;
using Intelligence.Anomaly.Models;
using Intelligence.Anomaly.Scoring;
using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// Turns a scored bucket into an incident, or keeps or clears one: an incident opens when the score
/// crosses the threshold in the family's bad direction by at least its minimum excess, or when one
/// watched driver (a promotion) surges and brings most of a clear excess; it stays while the scorer
/// holds the detection or the driver still surges, and clears when neither does. The report names the KPI, its value
/// against expected, the drivers that brought the excess, and the family's next action.
/// </summary>
internal sealed class AnomalyJudgement(KpiFamily family, AnomalyOptions options, ScorerOptions scorer)
{
    private const int TopDrivers = 3;

    /// <summary>A surging driver opens an incident only when the point itself deviates at least this much (robust standard deviations).</summary>
    private const double SurgeDeviation = 3;

    /// <summary>The share of the bucket's excess a surging driver must bring.</summary>
    private const double SurgeShare = 0.5;

    public static string Basis(ScoreBasis basis, AnomalyModel? model) => basis switch
    {
        ScoreBasis.WarmingUp => "warming-up",
        ScoreBasis.RobustAndModel => $"robust+pca {model?.Label}",
        _ => "robust (no model: cold start)",
    };

    public void Judge(KpiSeriesState state, DateTimeOffset bucket, double value, PointScore score, string basis, IOutputs outputs)
    {
        var alertId = $"{family.AlertKind}:{state.Entity}";
        var excess = (value - score.Expected) * family.Direction;
        var surging = Surging(state, excess);
        var opens = excess >= family.MinimumExcess && Math.Sign(score.Deviation) == family.Direction
            && (score.Score >= scorer.Threshold || (surging && Math.Abs(score.Deviation) >= SurgeDeviation));
        if (!state.IncidentOpen && opens)
        {
            state.IncidentOpen = true;
            state.IncidentSince = bucket;
            outputs.Send(alertId, Report(state, alertId, bucket, value, score, basis));
        }
        else if (state.IncidentOpen && (score.Detected || surging) && excess > 0)
        {
            outputs.Send(alertId, Report(state, alertId, bucket, value, score, basis));
        }
        else if (state.IncidentOpen && !score.Detected && !surging)
        {
            state.IncidentOpen = false;
            state.IncidentSince = null;
            outputs.Send(alertId, new IncidentCleared(alertId, "back_to_normal"));
        }
    }

    /// <summary>
    /// Whether one driver of a kind the family watches (a promotion, for demand) brings most of the
    /// bucket's excess, far past what it usually brings (five Poisson standard deviations): a cause
    /// that plainly starts now, told before the series' own averaged score has climbed.
    /// </summary>
    private bool Surging(KpiSeriesState state, double excess)
    {
        if (family.SurgeDrivers.Count == 0 || excess < family.MinimumExcess)
        {
            return false;
        }

        foreach (var (driver, amount) in state.Drivers)
        {
            var rise = (amount - state.UsualDrivers.GetValueOrDefault(driver)) * family.DriverSign;
            if (rise >= family.MinimumExcess && rise >= SurgeShare * excess
                && rise >= 5 * Math.Sqrt(state.UsualDrivers.GetValueOrDefault(driver) + 1)
                && !driver.EndsWith(":none", StringComparison.Ordinal) // organic demand is no cause of its own
                && family.SurgeDrivers.Any(kind => driver.StartsWith(kind + ":", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private IncidentReported Report(KpiSeriesState state, string alertId, DateTimeOffset bucket, double value, PointScore score, string basis)
    {
        var drivers = state.Drivers
            .Select(d => (Driver: d.Key, Amount: d.Value, Usual: state.UsualDrivers.GetValueOrDefault(d.Key)))
            .Where(d => (d.Amount - d.Usual) * family.DriverSign > 0)
            .OrderByDescending(d => Math.Abs(d.Amount - d.Usual)).ThenBy(d => d.Driver, StringComparer.Ordinal)
            .Take(TopDrivers)
            .ToList();
        var id = IdOf(state.Entity);
        var cause = drivers.Count == 0
            ? $"{state.Entity}: no single driver stands out"
            : $"{state.Entity}: " + string.Join("; ", drivers.Select(d => $"{d.Driver} {F(d.Amount)} (usually {F(d.Usual)})"));
        var driverIds = drivers.Count == 0 ? "its recent activity" : string.Join(", ", drivers.Select(d => IdOf(d.Driver)));
        var when = family.IsPointwise ? $"at {bucket:yyyy-MM-dd HH:mm}" : $"in the {Describe(family.Bucket)} from {bucket:yyyy-MM-dd HH:mm}";
        var detail = $"{family.Metric} of {state.Entity} {when}: {F(value)} against {F(score.Expected)} expected "
            + $"({score.Deviation.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} robust sd, score {score.Score:0.00})"
            + (state.Note is { } note ? $"; {note}" : "")
            + (state.IncidentSince is { } since && since < bucket ? $"; anomalous since {since:yyyy-MM-dd HH:mm}" : "");
        return new IncidentReported(
            alertId, family.AlertKind, "anomaly", Severity(score.Deviation), family.Team, family.Metric, state.Entity,
            Math.Round(value, 4), Math.Round(score.Expected, 4), Math.Round(score.Deviation, 3), Math.Round(score.Score, 4),
            cause, [state.Entity, .. drivers.Select(d => d.Driver)],
            family.Action.Replace("{id}", id, StringComparison.Ordinal).Replace("{drivers}", driverIds, StringComparison.Ordinal),
            detail, basis);
    }

    private string Severity(double deviation) => Math.Abs(deviation) switch
    {
        var d when d >= options.CriticalDeviation => ExceptionSeverity.Critical,
        var d when d >= options.HighDeviation => ExceptionSeverity.High,
        _ => ExceptionSeverity.Medium,
    };

    private static string IdOf(string entity) => entity[(entity.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Describe(TimeSpan bucket) => bucket == TimeSpan.FromHours(1) ? "hour" : $"{bucket.TotalMinutes:0} minutes";

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
