using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>
/// Keyed by location (DC, 3PL or store): the node's pick backlog and the lines waiting for a carrier,
/// pick delay, throughput, carrier-cutoff risk and backlog hours (formulas in <see cref="NodeWorkload"/>).
/// A node under stress for longer than <see cref="FulfillmentOptions.Persistence"/> is backed up: it
/// raises <c>node_backlog</c>, resolved once it has been calm as long. At most once per minute of event
/// time it writes its KPI levels and sends its <see cref="NodeLoad"/> to the fulfilment network.
/// The node's clock is the latest event time it has seen, so a late signal counts but never moves it back.
/// </summary>
public sealed class NodeFold(FulfillmentOptions options) : Fold<NodeState>
{
    public override string Name => "nodes";

    public override IReadOnlyCollection<Type> Consumes { get; } =
        [typeof(LineAllocated), typeof(LinePicked), typeof(ParcelDispatched), typeof(AllocationReleased)];

    protected override void Apply(NodeState state, in Message message, IOutputs outputs)
    {
        var now = state.Clock > message.At ? state.Clock : message.At;
        state.Clock = now;
        state.FirstSeenAt ??= message.At;
        NodeWorkLog.Record(state, message.Body, message.At, options);
        Review(state, message.Key, now, outputs);
    }

    protected override DateTimeOffset? DueAt(NodeState state) => state.NextReviewAt;

    protected override void Tick(NodeState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        if (now > state.Clock)
        {
            state.Clock = now;
        }

        Review(state, key, state.Clock, outputs);
    }

    /// <summary>The node's row, measured at its clock (the time of its last review).</summary>
    protected override void WriteLatest(NodeState state, string key, long revision, IOutputs outputs)
    {
        var m = NodeWorkload.Measure(state, key, state.Clock, options);
        outputs.Write(new NodeRow(
            key, m.BacklogLines, m.BacklogUnits, m.AwaitingDispatchLines, m.AwaitingDispatchUnits, m.PickDelayMinutes,
            m.PickDelayHighMinutes, m.ThroughputPerHour, m.ThroughputUnitsPerHour, m.InflowPerHour, m.BacklogHours,
            m.CapacityPerHour, m.SparePerHour, m.NextCutoffAt, m.CutoffRiskLines, state.BackedUp, state.BackedUpSince,
            state.LinesAllocated, state.LinesPicked, state.UnitsPicked, state.UnitsShort, state.LinesReleased,
            state.ParcelsDispatched, state.Clock)
        {
            Revision = revision,
        });
    }

    /// <summary>Measures the node, moves it in or out of backed up, writes its row, and publishes its load when a minute has turned.</summary>
    private void Review(NodeState state, string node, DateTimeOffset now, IOutputs outputs)
    {
        NodeWorkLog.Prune(state, now, options);
        var m = NodeWorkload.Measure(state, node, now, options);
        (state.LastPickDelayMinutes, state.LastPickDelayHighMinutes) = (m.PickDelayMinutes, m.PickDelayHighMinutes);
        var changed = Judge(state, m, node, now, outputs);
        if (changed)
        {
            m = NodeWorkload.Measure(state, node, now, options); // spare capacity depends on being backed up
        }

        outputs.Changed(this, state, node);
        var minute = KpiTime.Minute(now);
        if (state.PublishedMinute is null || minute > state.PublishedMinute)
        {
            Publish(state, node, now, m, outputs);
            state.PublishedMinute = minute;
            state.PublishPending = false;
        }
        else
        {
            state.PublishPending |= changed;
        }

        state.NextReviewAt = NextReview(state, now);
    }

    /// <summary>Stress or calm must last <see cref="FulfillmentOptions.Persistence"/> before the node's state flips; true when it flipped.</summary>
    private bool Judge(NodeState state, NodeMetrics m, string node, DateTimeOffset now, IOutputs outputs)
    {
        var id = ExceptionRaised.IdOf(ExceptionCategories.NodeBacklog, node);
        if (m.Stressed(options))
        {
            state.CalmSince = null;
            state.StressedSince ??= now;
            if (state.BackedUp || now - state.StressedSince < options.Persistence)
            {
                return false;
            }

            state.BackedUp = true;
            state.BackedUpSince = state.StressedSince;
            var risk = Math.Round(Math.Min(1, m.BacklogHours / (2 * options.BacklogHoursThreshold)), 3);
            outputs.Send(id, new ExceptionRaised(id, ExceptionCategories.NodeBacklog, "node", node,
                new ExceptionContext(Location: node, Risk: risk),
                $"{m.BacklogLines} lines waiting to be picked ({m.BacklogHours:0.#} h at {m.ThroughputPerHour:0.#} lines/h); " +
                $"pick delay {m.PickDelayMinutes:0} min on average; {m.CutoffRiskLines} lines at risk of missing the carrier cutoff"));
            return true;
        }

        state.StressedSince = null;
        if (!state.BackedUp)
        {
            return false;
        }

        state.CalmSince ??= now;
        if (now - state.CalmSince < options.Persistence)
        {
            return false;
        }

        state.BackedUp = false;
        state.BackedUpSince = null;
        state.CalmSince = null;
        outputs.Send(id, new ExceptionResolved(id, "cleared"));
        return true;
    }

    private static void Publish(NodeState state, string node, DateTimeOffset now, NodeMetrics m, IOutputs outputs)
    {
        var entity = KpiEntity.Of("node", node);
        outputs.Level("backlog_lines", entity, now, m.BacklogLines);
        outputs.Level("pick_delay_minutes", entity, now, m.PickDelayMinutes);
        outputs.Level("throughput_per_hour", entity, now, m.ThroughputPerHour);
        outputs.Level("cutoff_risk_lines", entity, now, m.CutoffRiskLines);
        new KpiObserved(KpiFamilies.Backlog.Name, entity, m.BacklogLines,
            Note: $"{m.InflowPerHour:0.#} lines/h arriving, {m.ThroughputPerHour:0.#} picked per hour, pick delay {m.PickDelayMinutes:0} min").SendTo(outputs);
        outputs.Send(NodeLoad.Network, new NodeLoad(
            node, m.BacklogLines, m.BacklogHours, m.ThroughputPerHour, m.InflowPerHour, m.CapacityPerHour, m.SparePerHour,
            m.PickDelayMinutes, state.BackedUp));
    }

    /// <summary>The earliest of: a pending flip, a pending publish, and the next periodic look while there is work or the node is backed up.</summary>
    private DateTimeOffset? NextReview(NodeState state, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && (next is null || t < next))
            {
                next = t > now ? t : now.AddSeconds(1);
            }
        }

        if (!state.BackedUp && state.StressedSince is { } stressed)
        {
            Consider(stressed + options.Persistence);
        }

        if (state.BackedUp && state.CalmSince is { } calm)
        {
            Consider(calm + options.Persistence);
        }

        if (state.PublishPending)
        {
            Consider(state.PublishedMinute!.Value.AddMinutes(1));
        }

        if (state.Pending.Count > 0 || state.BackedUp)
        {
            Consider(now + options.ReviewInterval);
        }

        return next;
    }
}
