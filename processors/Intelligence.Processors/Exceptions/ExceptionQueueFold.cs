using Intelligence.Processors.Alerts;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Exceptions;

/// <summary>
/// Keyed by exception id (<c>category:entity</c>): every area's exceptions in one queue. Opens,
/// updates, escalates and resolves each one, routing it with <see cref="ExceptionPolicy"/>. The SLA
/// is a timer: at the SLA the exception is breached and escalates (severity one step up), and at
/// <see cref="ExceptionPolicyOptions.SecondEscalationAfterSlas"/> SLAs it escalates again.
/// Raising an open exception updates its detail and context; raising a resolved one reopens it as
/// a new occurrence with a fresh SLA. Resolving one that is not open changes nothing.
/// </summary>
public sealed class ExceptionQueueFold(ExceptionPolicyOptions options, AlertOptions? alerts = null) : Fold<ExceptionState>
{
    private readonly ExceptionPolicy _policy = new(options);
    private readonly ExceptionAlerts _alerts = new(alerts ?? new AlertOptions());

    public override string Name => "exception-queue";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ExceptionRaised), typeof(ExceptionResolved)];

    protected override void Apply(ExceptionState state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case ExceptionRaised raised when state.IsOpen:
                Update(state, raised, message.At, outputs);
                break;
            case ExceptionRaised raised:
                Open(state, raised, message.At, outputs);
                break;
            case ExceptionResolved resolved when state.IsOpen:
                Resolve(state, message.Key, resolved.Resolution, message.At, outputs);
                break;
        }
    }

    protected override DateTimeOffset? DueAt(ExceptionState state) => !state.IsOpen ? null : state.EscalationLevel switch
    {
        0 => state.SlaDueAt,
        1 => state.SecondEscalationAt,
        _ => null,
    };

    /// <summary>Once not open (resolved, or only ever resolved), kept <see cref="ExceptionPolicyOptions.RetainResolvedFor"/>.</summary>
    protected override DateTimeOffset? RetireAt(ExceptionState state) =>
        Retention.After(!state.IsOpen, state.UpdatedAt, options.RetainResolvedFor);

    protected override void Tick(ExceptionState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        if (DueAt(state) is not { } due || now < due)
        {
            return;
        }

        if (state.EscalationLevel == 0)
        {
            state.Breached = true;
            outputs.Count("exceptions_breached", EntityOf(state), due, 1);
        }

        state.EscalationLevel++;
        Triage(state, null);
        state.UpdatedAt = Later(state.UpdatedAt, due);
        Changed(state, key, ExceptionChanges.Escalated, due, outputs);
    }

    private void Open(ExceptionState state, ExceptionRaised raised, DateTimeOffset at, IOutputs outputs)
    {
        state.Status = ExceptionState.Open;
        state.Category = raised.Category;
        state.EntityKind = raised.EntityKind;
        state.EntityId = raised.EntityId;
        state.Occurrences++;
        state.OpenedAt = at;
        state.UpdatedAt = at;
        state.Breached = false;
        state.EscalationLevel = 0;
        state.ResolvedAt = null;
        state.Resolution = null;
        state.ResolveSeconds = null;
        Triage(state, raised);
        outputs.Count("exceptions_opened", EntityOf(state), at, 1);
        Changed(state, raised.ExceptionId, ExceptionChanges.Opened, at, outputs);
    }

    private void Update(ExceptionState state, ExceptionRaised raised, DateTimeOffset at, IOutputs outputs)
    {
        Triage(state, raised);
        state.UpdatedAt = Later(state.UpdatedAt, at);
        Changed(state, raised.ExceptionId, ExceptionChanges.Updated, at, outputs);
    }

    private void Resolve(ExceptionState state, string id, string resolution, DateTimeOffset at, IOutputs outputs)
    {
        state.Status = ExceptionState.Resolved;
        state.ResolvedAt = Later(state.OpenedAt, at);
        state.Resolution = resolution;
        state.ResolveSeconds = (state.ResolvedAt.Value - state.OpenedAt).TotalSeconds;
        state.UpdatedAt = Later(state.UpdatedAt, at);
        outputs.Count("exceptions_resolved", EntityOf(state), at, 1);
        outputs.Count("exception_resolve_seconds", EntityOf(state), at, state.ResolveSeconds.Value);
        Changed(state, id, ExceptionChanges.Resolved, at, outputs);
    }

    /// <summary>Takes the context of a raise (when given) and works out team, severity, SLA and priority again.</summary>
    private void Triage(ExceptionState state, ExceptionRaised? raised)
    {
        if (raised is not null)
        {
            var c = raised.Context;
            (state.Channel, state.OrderValue, state.CustomerTier, state.Location, state.SupplierId, state.Sku, state.Risk) =
                (c.Channel, c.OrderValue, c.CustomerTier, c.Location, c.SupplierId, c.Sku, c.Risk);
            state.Detail = raised.Detail;
            var triage = _policy.Assess(raised.Category, c);
            (state.Team, state.TriagedSeverity, state.RoutingRule) = (triage.Team, triage.Severity, triage.RoutingRule);
            if (!state.Breached)
            {
                // The channel may have changed with the context, and with it the SLA; a breach already recorded stands.
                var sla = _policy.SlaFor(state.Category!, state.Channel);
                state.SlaDueAt = state.OpenedAt + sla;
                state.SecondEscalationAt = state.OpenedAt + _policy.SecondEscalationAfter(sla);
            }
        }

        state.Severity = ExceptionSeverity.Step(state.TriagedSeverity, state.EscalationLevel);
        state.Priority = _policy.Priority(state.Severity, ContextOf(state));
    }

    private void Changed(ExceptionState state, string id, string change, DateTimeOffset at, IOutputs outputs)
    {
        _alerts.Changed(state, id, change, at, outputs);
        outputs.Write(new ExceptionEventRow(id, state.Category!, at, change, state.Severity, state.Team, state.Occurrences, state.EscalationLevel));
        outputs.Write(new ExceptionRow(
            id, state.Category!, state.EntityKind!, state.EntityId!, state.Status!, state.Severity, state.Team, state.RoutingRule,
            state.Priority, state.Channel, state.OrderValue, state.CustomerTier, state.Location, state.SupplierId, state.Sku,
            state.Risk, state.Detail, state.OpenedAt, state.UpdatedAt, state.SlaDueAt, state.Breached, state.EscalationLevel,
            state.ResolvedAt, state.Resolution, state.ResolveSeconds, state.Occurrences)
        {
            Revision = state.Revision,
        });
    }

    private static ExceptionContext ContextOf(ExceptionState s) =>
        new(s.Channel, s.OrderValue, s.CustomerTier, s.Location, s.SupplierId, s.Sku, s.Risk);

    private static string EntityOf(ExceptionState state) => KpiEntity.Of("category", state.Category);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
