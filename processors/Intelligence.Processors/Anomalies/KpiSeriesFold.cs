using Intelligence.Anomaly.Scoring;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Anomalies;

/// <summary>
/// Keyed by <c>family|entity</c>: gathers a KPI's observations into buckets (an hour, or each
/// observation for point-wise families), scores every closed bucket against the series' seasonal
/// baseline (and the family's trained model, when there is one) and writes it to
/// <c>anomaly_scores</c>. A bucket closes once stream time passes its end plus the grace; a later
/// observation for it is counted as late and left out. When a score crosses the threshold in the
/// family's bad direction by at least its minimum excess, the series reports an incident to the
/// alert fold, naming the drivers that moved; it keeps it updated while the detection holds and
/// clears it when the series is back to normal.
/// </summary>
public sealed class KpiSeriesFold(AnomalyOptions options) : Fold<KpiSeriesState>
{
    public const string FoldName = "kpi-series";

    private const double DriverRate = 0.1;
    private const double DriverRateInIncident = 0.02;
    private const int MaxBucketDrivers = 256;

    private readonly Dictionary<string, (KpiFamily Family, ScorerOptions Scorer)> _families =
        options.Scored.ToDictionary(f => f.Name, f => (f, f.Adjust(options.Scorer)));

    private readonly Dictionary<string, AnomalyJudgement> _judgements =
        options.Scored.ToDictionary(f => f.Name, f => new AnomalyJudgement(f, options, f.Adjust(options.Scorer)));

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(KpiObserved)];

    protected override void Apply(KpiSeriesState state, in Message message, IOutputs outputs)
    {
        var observed = (KpiObserved)message.Body;
        if (!_families.TryGetValue(observed.Family, out var family))
        {
            return; // a family switched off in configuration
        }

        (state.Family, state.Entity) = (observed.Family, observed.Entity);
        var bucket = family.Family.BucketOf(message.At);
        if (family.Family.IsPointwise)
        {
            state.BucketStart = bucket;
            Add(state, observed);
            Close(state, family.Family, family.Scorer, outputs);
            return;
        }

        if (state.BucketStart is { } open && bucket < open)
        {
            state.LateObservations++;
            return;
        }

        if (state.BucketStart is { } earlier && bucket > earlier)
        {
            CloseThrough(state, family.Family, family.Scorer, bucket, outputs);
        }

        state.BucketStart ??= bucket;
        Add(state, observed);
    }

    protected override DateTimeOffset? DueAt(KpiSeriesState state) =>
        state.BucketStart is { } start && _families.TryGetValue(state.Family, out var family) && !family.Family.IsPointwise
            ? start + family.Family.Bucket + options.Grace
            : null;

    protected override void Tick(KpiSeriesState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        if (!_families.TryGetValue(state.Family, out var family) || state.BucketStart is not { } start)
        {
            return;
        }

        var ripe = family.Family.BucketOf(now - options.Grace);
        if (ripe > start)
        {
            CloseThrough(state, family.Family, family.Scorer, ripe, outputs);
        }
    }

    /// <summary>Scores the open bucket and the empty ones after it, up to <paramref name="next"/>, which it opens (when the family carries on through empty buckets).</summary>
    private void CloseThrough(KpiSeriesState state, KpiFamily family, ScorerOptions scorer, DateTimeOffset next, IOutputs outputs)
    {
        var closing = state.BucketStart!.Value;
        Close(state, family, scorer, outputs);
        var continuous = family.Aggregation is BucketAggregation.Sum or BucketAggregation.Last;
        if (!continuous)
        {
            state.BucketStart = null;
            return;
        }

        var empty = closing + family.Bucket;
        var skipFrom = next - (options.MaxGapBuckets * family.Bucket);
        empty = empty < skipFrom ? skipFrom : empty;
        for (; empty < next; empty += family.Bucket)
        {
            state.BucketStart = empty;
            Close(state, family, scorer, outputs);
        }

        state.BucketStart = next;
    }

    private static void Add(KpiSeriesState state, KpiObserved observed)
    {
        state.Sum += observed.Value;
        state.Weight += observed.Weight;
        state.Last = observed.Value;
        state.Observations++;
        state.Note = observed.Note ?? state.Note;
        var drivers = observed.Drivers ?? [];
        for (var i = 0; i < drivers.Count; i++) // by index: a foreach over the interface would box its enumerator on every observation
        {
            var driver = drivers[i];
            var key = state.Drivers.Count < MaxBucketDrivers || state.Drivers.ContainsKey(driver.Entity) ? driver.Entity : "other";
            state.Drivers[key] = state.Drivers.GetValueOrDefault(key) + driver.Value;
        }
    }

    private void Close(KpiSeriesState state, KpiFamily family, ScorerOptions scorer, IOutputs outputs)
    {
        var bucket = state.BucketStart!.Value;
        if (Value(state, family) is { } value)
        {
            var model = options.Model?.For(family.Name);
            var score = SeriesScorer.Next(state.Scorer, bucket, value, family.Kind, scorer, model);
            var basis = AnomalyJudgement.Basis(score.Basis, options.Model);
            outputs.Write(new AnomalyScoreRow(
                family.Name, family.Metric, state.Entity, bucket, Round(value), Round(score.Expected), Math.Round(score.Deviation, 3),
                Math.Round(score.Score, 4), score.Detected, basis, state.Observations));
            state.BucketsScored++;
            state.LastScoredBucket = bucket;
            _judgements[family.Name].Judge(state, bucket, value, score, basis, outputs);
            if (family.Aggregation == BucketAggregation.Last)
            {
                state.CarriedLevel = value;
            }
        }

        LearnDrivers(state);
        (state.Sum, state.Weight, state.Last, state.Observations, state.Note) = (0, 0, 0, 0, null);
        state.Drivers.Clear();
    }

    private static double? Value(KpiSeriesState state, KpiFamily family) => family.Aggregation switch
    {
        BucketAggregation.Sum => state.Sum,
        BucketAggregation.Last => state.Observations > 0 ? state.Last : state.CarriedLevel,
        BucketAggregation.Mean => state.Observations > 0 ? state.Sum / state.Observations : null,
        BucketAggregation.Ratio => state.Weight != 0 ? state.Sum / state.Weight : null,
        _ => null,
    };

    /// <summary>Moves each driver's usual amount toward this bucket's, slowly during an incident; forgets the smallest past the bound.</summary>
    private static void LearnDrivers(KpiSeriesState state)
    {
        var rate = state.IncidentOpen ? DriverRateInIncident : DriverRate;
        foreach (var driver in state.UsualDrivers.Keys.ToList())
        {
            state.UsualDrivers[driver] += rate * (state.Drivers.GetValueOrDefault(driver) - state.UsualDrivers[driver]);
        }

        foreach (var (driver, amount) in state.Drivers)
        {
            if (!state.UsualDrivers.ContainsKey(driver))
            {
                state.UsualDrivers[driver] = rate * amount;
            }
        }

        while (state.UsualDrivers.Count > KpiSeriesState.MaxDrivers)
        {
            state.UsualDrivers.Remove(state.UsualDrivers.OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).First().Key);
        }
    }

    private static double Round(double value) => Math.Round(value, 4);
}
