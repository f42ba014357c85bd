using System.Globalization;
using System.Text;
using Intelligence.Simulator;

namespace Intelligence.Cli.Evaluation;

/// <summary>The scenario part of `eval-anomaly`, as a fixed-width table.</summary>
public static class ScenarioTable
{
    public static string Format(ScenarioScorecard withScenarios, ScenarioScorecard clean, TimeSpan span, TimeSpan cleanSpan)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"scenario",-18} {"entity it names",-26} {"found",-5} {"delay",8} {"first alert",-34} {"anomaly",8} {"operational",11} {"alerts",6}");
        foreach (var f in withScenarios.Findings)
        {
            var first = f.First is { } n ? $"{n.Kind} ({n.Source})" : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{f.Truth.Scenario.ToName(),-18} {f.Entity,-26} {(f.Detected ? "yes" : "NO"),-5} {Hours(f.Delay),8} {first,-34} {Hours(f.AnomalyDelay),8} {Hours(f.OperationalDelay),11} {f.Alerts,6}");
        }

        text.AppendLine();
        text.AppendLine("delay: from the scenario's start to the first notice of an alert of a kind that speaks of it and names its entity");
        text.AppendLine("(anomaly: from a scored KPI; operational: from a processor's own signal).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"false alerts per simulated day (alerts naming no scenario's entity): with the scenarios on ({span.TotalDays:0} days) "
            + $"anomaly {withScenarios.FalseAlertsPerDay("anomaly"):0.00}, operational {withScenarios.FalseAlertsPerDay("operational"):0.00}; "
            + $"clean run ({cleanSpan.TotalDays:0} days) anomaly {clean.FalseAlertsPerDay("anomaly"):0.00}, operational {clean.FalseAlertsPerDay("operational"):0.00}.");
        text.AppendLine("Operational alerts in a clean run are real conditions of the simulated business (stock running short on a channel, SLA breaches), not scored anomalies.");
        return text.ToString();
    }

    private static string Hours(TimeSpan? delay) => delay is { } d ? $"{d.TotalHours:0.0} h" : "-";
}
