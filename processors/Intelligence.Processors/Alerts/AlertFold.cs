using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Alerts;

/// <summary>
/// Keyed by alert id (<c>kind:entity</c>): one incident, one alert, updated until resolved. The
/// first report opens it and is told at once; a report with a higher severity is told at once as an
/// escalation; a report whose likely cause leads with a driver not yet told in this occurrence is
/// told at once (an "updated" notice); other reports update the alert's row but are told only when
/// the deviation or count has grown materially and <see cref="AlertOptions.UpdateEvery"/> has passed
/// since the last notice. A clear, a counted alert's count falling to zero, or silence past the
/// report's quiet period resolves it; a report
/// after that opens a new occurrence. Every change writes the <c>alerts</c> row; every notice is an
/// <c>alert_notices</c> row, which the delivery channels send.
/// </summary>
public sealed class AlertFold(AlertOptions options) : Fold<AlertState>
{
    public const string FoldName = "alerts";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(IncidentReported), typeof(IncidentCleared)];

    protected override void Apply(AlertState state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case IncidentReported report when state.IsOpen:
                Update(state, report, message.At, outputs);
                break;
            case IncidentReported { Accumulates: true, Value: <= 0 }:
                break; // a count going down on an alert that is not open: nothing to tell
            case IncidentReported report:
                Open(state, report, message.At, outputs);
                break;
            case IncidentCleared cleared when state.IsOpen:
                Resolve(state, message.Key, cleared.Reason, message.At, outputs);
                break;
        }
    }

    protected override DateTimeOffset? DueAt(AlertState state) =>
        state.IsOpen && state.QuietAfter is { } quiet ? state.LastReportAt + quiet : null;

    protected override void Tick(AlertState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        if (DueAt(state) is { } due && now >= due)
        {
            Resolve(state, key, "quiet", due, outputs);
        }
    }

    private static void Open(AlertState state, IncidentReported report, DateTimeOffset at, IOutputs outputs)
    {
        state.Status = AlertState.Open;
        state.Occurrence++;
        state.Notices = 0;
        state.Reports = 0;
        state.CausesTold.Clear();
        state.Value = 0;
        state.PeakDeviation = 0;
        state.OpenedAt = at;
        state.ResolvedAt = null;
        state.Resolution = null;
        Take(state, report, at);
        Notify(state, report.AlertId, AlertChanges.Opened, at, outputs);
    }

    private void Update(AlertState state, IncidentReported report, DateTimeOffset at, IOutputs outputs)
    {
        Take(state, report, at);
        if (report.Accumulates && state.Value <= 0)
        {
            Resolve(state, report.AlertId, "none_left", at, outputs);
        }
        else if (ExceptionSeverity.Rank(state.Severity) > ExceptionSeverity.Rank(state.NoticedSeverity))
        {
            Notify(state, report.AlertId, AlertChanges.Escalated, at, outputs);
        }
        else if (TopCauseIsNew(state) || (at - state.LastNoticeAt >= options.UpdateEvery && GrewMaterially(state)))
        {
            Notify(state, report.AlertId, AlertChanges.Updated, at, outputs);
        }
        else
        {
            Write(state, report.AlertId, outputs);
        }
    }

    /// <summary>The likely cause now leads with a driver no notice of this occurrence has named (a promotion starting during a spike already told).</summary>
    private static bool TopCauseIsNew(AlertState state) =>
        TopCause(state) is { } top && !state.CausesTold.Contains(top);

    /// <summary>The first driver after the alert's own entity, if any.</summary>
    private static string? TopCause(AlertState state) => state.CauseEntities.Count > 1 ? state.CauseEntities[1] : null;

    private bool GrewMaterially(AlertState state) =>
        Math.Abs(state.Deviation) >= options.MaterialGrowth * Math.Abs(state.NoticedDeviation) && state.Deviation != 0
        || Math.Abs(state.Value) >= options.MaterialGrowth * Math.Abs(state.NoticedValue) && state.Value != 0;

    private static void Resolve(AlertState state, string alertId, string resolution, DateTimeOffset at, IOutputs outputs)
    {
        state.Status = AlertState.Resolved;
        state.ResolvedAt = at > state.OpenedAt ? at : state.OpenedAt;
        state.Resolution = resolution;
        state.UpdatedAt = state.ResolvedAt.Value > state.UpdatedAt ? state.ResolvedAt.Value : state.UpdatedAt;
        Notify(state, alertId, AlertChanges.Resolved, state.ResolvedAt.Value, outputs);
    }

    private static void Take(AlertState state, IncidentReported r, DateTimeOffset at)
    {
        state.Reports++;
        (state.Kind, state.Source, state.Severity, state.Team, state.Metric, state.Entity) = (r.Kind, r.Source, r.Severity, r.Team, r.Metric, r.Entity);
        state.Value = r.Accumulates ? state.Value + r.Value : r.Value;
        (state.Expected, state.Deviation, state.Score) = (r.Expected, r.Deviation, r.Score);
        state.PeakDeviation = Math.Abs(r.Deviation) > Math.Abs(state.PeakDeviation) ? r.Deviation : state.PeakDeviation;
        (state.Cause, state.NextAction, state.Detail, state.Basis, state.QuietAfter) = (r.Cause, r.NextAction, r.Detail, r.Basis, r.QuietAfter);
        state.CauseEntities = [.. r.CauseEntities];
        state.LastReportAt = at > state.LastReportAt ? at : state.LastReportAt;
        state.UpdatedAt = at > state.UpdatedAt ? at : state.UpdatedAt;
    }

    private static void Notify(AlertState state, string alertId, string change, DateTimeOffset at, IOutputs outputs)
    {
        state.Notices++;
        state.LastNoticeAt = at;
        (state.NoticedSeverity, state.NoticedDeviation, state.NoticedValue) = (state.Severity, state.Deviation, state.Value);
        if (TopCause(state) is { } top && !state.CausesTold.Contains(top))
        {
            state.CausesTold.Add(top);
        }
        outputs.Write(new AlertNotice(
            alertId, state.Notices, change, at, state.Kind, state.Source, state.Status!, state.Severity, state.Team, state.Metric,
            state.Entity, state.Value, state.Expected, state.Deviation, state.Cause, [.. state.CauseEntities], state.NextAction,
            state.Detail, state.Basis, state.OpenedAt, state.Occurrence));
        Write(state, alertId, outputs);
    }

    private static void Write(AlertState state, string alertId, IOutputs outputs) =>
        outputs.Write(new AlertRow(
            alertId, state.Kind, state.Source, state.Status!, state.Severity, state.Team, state.Metric, state.Entity, state.Value,
            state.Expected, state.Deviation, state.PeakDeviation, state.Score, state.Cause, [.. state.CauseEntities], state.NextAction,
            state.Detail, state.Basis, state.OpenedAt, state.UpdatedAt, state.ResolvedAt, state.Resolution, state.Reports,
            state.Notices, state.Occurrence)
        {
            Revision = state.Revision,
        });
}
