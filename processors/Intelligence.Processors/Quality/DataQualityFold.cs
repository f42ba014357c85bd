using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Quality;

/// <summary>
/// Keyed by event source: counts accepted, late and out-of-order events per minute of event time.
/// Nothing is dropped here: a late event is processed by every other fold as usual, and only
/// counted here. Out of order means earlier than an event this source already sent; late means more
/// than <see cref="DataQualityOptions.LateAfter"/> behind stream time. Rejects and duplicates are
/// counted by the ingest gate (tables <c>dead_letters</c> and <c>source_ingest</c>).
/// </summary>
public sealed class DataQualityFold(DataQualityOptions options) : Fold<SourceState>
{
    public override string Name => "data-quality";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(EventObserved)];

    protected override void Apply(SourceState state, in Message message, IOutputs outputs)
    {
        var entity = state.Entity ??= $"source:{message.Key}";
        outputs.Count("events_accepted", entity, message.At, 1);
        if (message.At < state.LatestEventAt)
        {
            state.OutOfOrder++;
            outputs.Count("events_out_of_order", entity, message.At, 1);
        }
        else
        {
            state.LatestEventAt = message.At;
        }

        var lateness = message.Lateness;
        if (lateness > options.LateAfter)
        {
            state.Late++;
            outputs.Count("events_late", entity, message.At, 1);
            outputs.Count("event_lateness_seconds", entity, message.At, lateness.TotalSeconds);
        }

        state.Accepted++;
    }
}

/// <summary>What one source has sent so far.</summary>
public sealed class SourceState : FoldState
{
    public DateTimeOffset LatestEventAt { get; set; } = DateTimeOffset.MinValue;
    public long Accepted { get; set; }
    public long Late { get; set; }
    public long OutOfOrder { get; set; }

    /// <summary>The source's name as a KPI entity (derived, not stored: made once per source instead of once per event).</summary>
    [JsonIgnore]
    public string? Entity { get; set; }
}
