using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Fulfillment;

/// <summary>
/// What each signal does to a node's book of work: lines join the pick backlog when allocated, move
/// to awaiting dispatch when picked, and leave when dispatched or released. Picks and allocations are
/// counted in the minute of their own event time (and picks in their hour, for capacity).
/// </summary>
public static class NodeWorkLog
{
    public static void Record(NodeState state, object signal, DateTimeOffset at, FulfillmentOptions options)
    {
        switch (signal)
        {
            case LineAllocated allocated:
                Allocated(state, allocated, at);
                break;
            case LinePicked picked:
                Picked(state, picked, at, options);
                break;
            case ParcelDispatched parcel:
                state.ParcelsDispatched++;
                foreach (var line in parcel.Lines)
                {
                    state.AwaitingDispatchUnits -= Take(state.AwaitingDispatch, $"{parcel.OrderId}/{line.LineId}", line.Units);
                }

                break;
            case AllocationReleased released:
                state.LinesReleased++;
                TakePending(state, $"{released.OrderId}/{released.LineId}", released.Units);
                break;
        }
    }

    /// <summary>Drops what has slid out of the throughput window and the capacity lookback.</summary>
    public static void Prune(NodeState state, DateTimeOffset now, FulfillmentOptions options)
    {
        var windowStart = now - options.ThroughputWindow;
        RemoveAtOrBefore(state.Picks, windowStart);
        if (RemoveAtOrBefore(state.PickDelays, windowStart))
        {
            state.PickDelaySummary = null;
        }

        RemoveAtOrBefore(state.Allocations, windowStart);
        RemoveAtOrBefore(state.HourlyPicks, now - options.CapacityLookback - TimeSpan.FromHours(1));
    }

    private static void Allocated(NodeState state, LineAllocated allocated, DateTimeOffset at)
    {
        state.LinesAllocated++;
        var key = $"{allocated.OrderId}/{allocated.LineId}";
        state.PendingUnits += allocated.Units;
        if (state.Pending.TryGetValue(key, out var pending))
        {
            pending.Units += allocated.Units;
        }
        else
        {
            state.Pending[key] = new PendingPick { Units = allocated.Units, AllocatedAt = at, PromisedBy = allocated.PromisedBy };
        }

        Count(state.Allocations, KpiTime.Minute(at), allocated.Units);
    }

    private static void Picked(NodeState state, LinePicked picked, DateTimeOffset at, FulfillmentOptions options)
    {
        var key = $"{picked.OrderId}/{picked.LineId}";
        TakePending(state, key, picked.Units + picked.ShortUnits);
        if (picked.Units > 0)
        {
            // The total first: read before the book changes, it is summed from the book when not yet known.
            state.AwaitingDispatchUnits += picked.Units;
            state.AwaitingDispatch[key] = state.AwaitingDispatch.GetValueOrDefault(key) + picked.Units;
        }

        state.LinesPicked++;
        state.UnitsPicked += picked.Units;
        state.UnitsShort += picked.ShortUnits;
        Count(state.Picks, KpiTime.Minute(at), picked.Units);
        Count(state.HourlyPicks, new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero), picked.Units);
        if (picked.PickDelayMinutes is { } delay)
        {
            state.PickDelays.Add(new DelaySample { At = at, Minutes = delay });
            if (state.PickDelays.Count > options.PickDelaySamples)
            {
                state.PickDelays.RemoveAt(0);
            }

            state.PickDelaySummary = null;
        }
    }

    private static void TakePending(NodeState state, string key, int units)
    {
        if (!state.Pending.TryGetValue(key, out var pending))
        {
            return;
        }

        if (pending.Units - units <= 0)
        {
            state.PendingUnits -= pending.Units;
            state.Pending.Remove(key);
        }
        else
        {
            state.PendingUnits -= units;
            pending.Units -= units;
        }
    }

    /// <summary>Takes units off a waiting line (all of it when they cover it) and says how many left the book.</summary>
    private static int Take(Dictionary<string, int> waiting, string key, int units)
    {
        if (!waiting.TryGetValue(key, out var left))
        {
            return 0;
        }

        if (left - units <= 0)
        {
            waiting.Remove(key);
            return left;
        }

        waiting[key] = left - units;
        return units;
    }

    /// <summary>Removes, keeping the order of the rest, what is timed at or before <paramref name="cutoff"/>; true when any was.</summary>
    private static bool RemoveAtOrBefore<T>(List<T> items, DateTimeOffset cutoff) where T : ITimed
    {
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].At > cutoff)
            {
                items[kept++] = items[i];
            }
        }

        var removed = items.Count - kept;
        items.RemoveRange(kept, removed);
        return removed > 0;
    }

    /// <summary>Adds one line and its units to the bucket starting at <paramref name="at"/>.</summary>
    private static void Count(List<RateBucket> buckets, DateTimeOffset at, int units)
    {
        var bucket = buckets.FindLast(b => b.At == at);
        if (bucket is null)
        {
            buckets.Add(bucket = new RateBucket { At = at });
        }

        bucket.Lines++;
        bucket.Units += units;
    }
}
