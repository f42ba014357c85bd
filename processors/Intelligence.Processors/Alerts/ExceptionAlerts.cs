using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Alerts;

/// <summary>
/// The processors' own signals as incidents: an exception of an alerted category (oversell risk,
/// supplier slippage, an unreconciled settlement...) is an alert of its own, opened, escalated and
/// resolved with it; an SLA breach of any category counts toward one alert per category.
/// </summary>
public sealed class ExceptionAlerts(AlertOptions options)
{
    public const string SlaBreach = "sla_breach";

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [ExceptionCategories.OversellRisk] = "Cap what {channel} may show of {sku} to its channel ATS (channel_ats gives the recommendation) or move stock to it before orders outrun it.",
        [ExceptionCategories.Oversell] = "Stop {sku} selling on {channel}, re-sync the listing, and decide with customer service which orders to fill first.",
        [ExceptionCategories.SupplierSlippage] = "Ask {supplier} for revised dates, expedite the purchase orders at risk (supplier_warnings lists them) and raise safety stock for their SKUs.",
        [ExceptionCategories.NodeBacklog] = "Route lines from {node} to nodes with spare capacity (routing_recommendations says how many per hour) and add pick labour.",
        [ExceptionCategories.UnreconciledSettlement] = "Ask the payment provider for the missing settlement lines and hold the payout's reconciliation until they arrive.",
        [ExceptionCategories.ReturnRateQuality] = "Hold and inspect the product line's stock for the top return reasons and pause its replenishment.",
    };

    public void Changed(ExceptionState state, string exceptionId, string change, DateTimeOffset at, IOutputs outputs)
    {
        if (options.CountedCategories.Contains(state.Category!))
        {
            Count(state, exceptionId, change, outputs);
        }
        else if (options.Categories.Contains(state.Category!))
        {
            if (change == ExceptionChanges.Resolved)
            {
                outputs.Send(exceptionId, new IncidentCleared(exceptionId, state.Resolution ?? "resolved"));
            }
            else
            {
                outputs.Send(exceptionId, Report(state, exceptionId, state.Category!, $"{Kind(state.EntityKind!)}:{state.EntityId}", state.Risk, Action(state)));
            }
        }

        if (options.SlaBreaches && change == ExceptionChanges.Escalated && state.EscalationLevel == 1)
        {
            var alertId = $"{SlaBreach}:{state.Category}";
            var report = Report(state, alertId, SlaBreach, $"exception:{state.Category}", 1,
                $"Work the breached {state.Category} exceptions in the queue, oldest first; team {state.Team} owns them.") with
            {
                Severity = state.TriagedSeverity, // the category's own severity: each breached exception escalates in the queue itself
                Metric = "exceptions_breached",
                Detail = $"{exceptionId} breached its SLA (opened {state.OpenedAt:yyyy-MM-dd HH:mm}, due {state.SlaDueAt:yyyy-MM-dd HH:mm}): {state.Detail}",
                Accumulates = true,
                QuietAfter = options.SlaBreachQuietAfter,
            };
            outputs.Send(alertId, report);
        }
    }

    /// <summary>One alert per category and channel whose value is the number of its exceptions open: +1 on open, −1 on resolve.</summary>
    private static void Count(ExceptionState state, string exceptionId, string change, IOutputs outputs)
    {
        var step = change switch
        {
            ExceptionChanges.Opened => 1,
            ExceptionChanges.Resolved => -1,
            _ => 0,
        };
        if (step == 0)
        {
            return;
        }

        // Counted where it was counted first: a channel learnt later must not move the count to another alert.
        var alertId = state.CountedInAlert ??= $"{state.Category}:channel:{state.Channel ?? "unknown"}";
        var entity = alertId[(state.Category!.Length + 1)..];
        if (step < 0)
        {
            state.CountedInAlert = null;
        }

        var report = Report(state, alertId, state.Category!, entity, step, Action(state)) with
        {
            Detail = $"open {state.Category} exceptions on {entity} counted; latest {(step > 0 ? "opened" : "resolved")}: {exceptionId}: {state.Detail}",
            Accumulates = true,
        };
        outputs.Send(alertId, report);
    }

    private static IncidentReported Report(ExceptionState s, string alertId, string kind, string entity, double value, string action) =>
        new(alertId, kind, "operational", s.Severity, s.Team, s.Category!, entity, value, 0, 0, s.Risk, Cause(s, entity),
            [entity, .. Context(s).Where(c => c != entity)], action, s.Detail, $"exception rule {s.RoutingRule ?? s.Category}");

    private static string Cause(ExceptionState s, string entity)
    {
        var context = Context(s).Where(c => c != entity).ToList();
        return context.Count == 0 ? $"{s.Category} on {entity}" : $"{s.Category} on {entity} ({string.Join(", ", context)})";
    }

    /// <summary>The related entities the exception names, as <c>kind:id</c>.</summary>
    private static IEnumerable<string> Context(ExceptionState s)
    {
        if (s.Channel is { } channel) yield return $"channel:{channel}";
        if (s.Sku is { } sku) yield return $"sku:{sku}";
        if (s.Location is { } location) yield return $"node:{location}";
        if (s.SupplierId is { } supplier) yield return $"supplier:{supplier}";
    }

    private static string Action(ExceptionState s) =>
        (Actions.GetValueOrDefault(s.Category!) ?? "Work the exception in the queue.")
            .Replace("{channel}", s.Channel ?? "the channel", StringComparison.Ordinal)
            .Replace("{sku}", s.Sku ?? s.EntityId, StringComparison.Ordinal)
            .Replace("{supplier}", s.SupplierId ?? s.EntityId, StringComparison.Ordinal)
            .Replace("{node}", s.Location ?? s.EntityId, StringComparison.Ordinal);

    /// <summary>Exception entity kinds in the alerts' words (a product line is a <c>category</c> as in the KPI series).</summary>
    private static string Kind(string entityKind) => entityKind switch
    {
        "product_line" => "category",
        "location" => "node",
        _ => entityKind,
    };
}
