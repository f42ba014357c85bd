using System.Buffers;

namespace Intelligence.Processors.Fulfillment;

/// <summary>A node's figures at one moment, worked out from its state by <see cref="NodeWorkload.Measure"/>.</summary>
public sealed record NodeMetrics(
    int BacklogLines, int BacklogUnits, int AwaitingDispatchLines, int AwaitingDispatchUnits, double PickDelayMinutes,
    double PickDelayHighMinutes, double ThroughputPerHour, double ThroughputUnitsPerHour, double InflowPerHour,
    double BacklogHours, double CapacityPerHour, double SparePerHour, DateTimeOffset NextCutoffAt, int CutoffRiskLines)
{
    /// <summary>Too many lines waiting, and either they would take too long to pick or picks are taking too long.</summary>
    public bool Stressed(FulfillmentOptions options) =>
        BacklogLines >= options.MinimumBacklogLines
        && (BacklogHours > options.BacklogHoursThreshold || PickDelayMinutes > options.PickDelayMinutesThreshold);
}

/// <summary>
/// The node formulas. Pick delay = the average (and a high percentile) of the delays of the picks
/// in the throughput window, at most the configured number of the latest, or the last figure while
/// no pick falls in the window. Throughput = lines picked in the window ÷ the window's hours (the window is
/// shorter while the node is new, but at least 15 minutes); backlog hours = backlog lines ÷
/// throughput (capped at a week when nothing is picked); cutoff risk = backlog lines − throughput ×
/// hours to the next cutoff, at least 0 (picked first come, first served, the rest miss it);
/// capacity = the configured lines per hour, else the busiest hour picked in the lookback; spare =
/// capacity − inflow − backlog ÷ drain hours, at least 0, and 0 while backed up.
/// </summary>
public static class NodeWorkload
{
    public const double MaxBacklogHours = 168;

    public static NodeMetrics Measure(NodeState state, string node, DateTimeOffset now, FulfillmentOptions options)
    {
        var backlogLines = state.Pending.Count;
        var backlogUnits = state.PendingUnits;
        var windowStart = now - options.ThroughputWindow;
        var hours = WindowHours(state, now, options);
        var (pickedLines, pickedUnits) = Since(state.Picks, windowStart);
        var throughput = pickedLines / hours;
        var throughputUnits = pickedUnits / hours;
        var inflow = Since(state.Allocations, windowStart).Lines / hours;
        var backlogHours = backlogLines == 0 ? 0 : throughput > 0 ? Math.Min(MaxBacklogHours, backlogLines / throughput) : MaxBacklogHours;

        var cutoff = NextCutoff(now, options.CutoffOf(node));
        var canPick = throughput * (cutoff - now).TotalHours;
        var cutoffRisk = Math.Max(0, backlogLines - (int)Math.Floor(canPick));

        var capacity = options.CapacityLinesPerHour.TryGetValue(node, out var configured)
            ? configured
            : BusiestHour(state.HourlyPicks, now - options.CapacityLookback);
        var spare = state.BackedUp ? 0 : Math.Max(0, capacity - inflow - backlogLines / options.DrainHours);
        var (average, high) = state.PickDelays.Count > 0
            ? state.PickDelaySummary ??= PickDelay(state.PickDelays, options.PickDelayPercentile)
            : (state.LastPickDelayMinutes, state.LastPickDelayHighMinutes);
        return new NodeMetrics(
            backlogLines, backlogUnits, state.AwaitingDispatch.Count, state.AwaitingDispatchUnits, average, high,
            Round(throughput), Round(throughputUnits), Round(inflow), Round(backlogHours), Round(capacity), Round(spare), cutoff,
            cutoffRisk);
    }

    /// <summary>The next time of day <paramref name="cutoff"/> (UTC) after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextCutoff(DateTimeOffset now, TimeSpan cutoff)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + cutoff;
        return today > now ? today : today.AddDays(1);
    }

    /// <summary>The average and the given percentile (nearest rank) of the sampled delays; 0 when none.</summary>
    public static (double Average, double High) PickDelay(IReadOnlyList<DelaySample> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return (0, 0);
        }

        var rented = ArrayPool<double>.Shared.Rent(samples.Count);
        try
        {
            var sorted = rented.AsSpan(0, samples.Count);
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i] = samples[i].Minutes;
            }

            sorted.Sort();
            var sum = 0.0;
            foreach (var minutes in sorted)
            {
                sum += minutes; // smallest first, as the average has always been summed
            }

            var rank = (int)Math.Ceiling(percentile * sorted.Length) - 1;
            return (Round(sum / sorted.Length), Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)]));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static (long Lines, long Units) Since(List<RateBucket> buckets, DateTimeOffset start)
    {
        long lines = 0, units = 0;
        foreach (var b in buckets)
        {
            if (b.At > start)
            {
                lines += b.Lines;
                units += b.Units;
            }
        }

        return (lines, units);
    }

    private static double BusiestHour(List<RateBucket> hours, DateTimeOffset after)
    {
        var busiest = 0;
        foreach (var b in hours)
        {
            if (b.At > after && b.Lines > busiest)
            {
                busiest = b.Lines;
            }
        }

        return busiest;
    }

    private static double WindowHours(NodeState state, DateTimeOffset now, FulfillmentOptions options)
    {
        var seen = state.FirstSeenAt is { } first ? now - first : TimeSpan.Zero;
        var window = seen < options.ThroughputWindow ? seen : options.ThroughputWindow;
        return Math.Max(window.TotalHours, 0.25);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
