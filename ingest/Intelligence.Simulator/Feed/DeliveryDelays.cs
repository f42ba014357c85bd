using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Feed;

/// <summary>
/// Sends the world's events, holding some back: a few seconds to minutes (out of order) or hours
/// (late). A held event never overtakes its own key's later events: when its key comes up again it
/// is sent first, as a partitioned log would keep it. Its kind is then told honestly: late only if
/// it really went out an hour or more after it happened, out of order only if something newer went
/// out before it. Product master records are never held.
/// </summary>
internal sealed class DeliveryDelays(Simulation sim, SimulatedClock clock, Random rng, BadInputOptions options, RecentSends recent)
{
    private static readonly TimeSpan LateThreshold = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxOutOfOrderDelay = TimeSpan.FromMinutes(15);

    // Events whose key usually stays quiet for hours afterwards, so holding one back seldom has to
    // give way early to the next event of the same key.
    private static readonly HashSet<EventType> LateCandidates =
    [
        EventTypes.ShipmentDelivered, EventTypes.PaymentCaptured, EventTypes.StockCounted, EventTypes.StockAdjusted,
        EventTypes.StockHeld, EventTypes.ListingUpdated, EventTypes.LeadTimePromised, EventTypes.AsnSent,
        EventTypes.PurchaseOrderCreated, EventTypes.TransferDispatched, EventTypes.SettlementReported, EventTypes.PayoutPaid,
    ];

    private readonly PriorityQueue<Held, (long Ticks, long Order)> _byRelease = new();
    private readonly Dictionary<string, Held> _byKey = new(StringComparer.Ordinal);
    private long _held;
    private DateTimeOffset _newestSent = DateTimeOffset.MinValue;
    private long _sentLate;
    private long _sentOutOfOrder;
    private int _pendingLate;
    private int _pendingOutOfOrder;

    /// <summary>The next stream input; <paramref name="inputsSoFar"/> counts every input emitted, bad ones included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SimulatedInput Next(long inputsSoFar)
    {
        while (true)
        {
            var next = sim.Peek();
            if (TryRelease(next.OccurredAt) is { } due)
            {
                return Send(due, due.ReleaseAt);
            }

            if (_byKey.Count > 0 && _byKey.TryGetValue(next.Key, out var sameKey))
            {
                return Send(sameKey, next.OccurredAt);
            }

            sim.Take();
            if (!Hold(next, inputsSoFar))
            {
                clock.Set(next.OccurredAt);
                _newestSent = next.OccurredAt;
                recent.Add(next.Json);
                return new SimulatedInput(next.Json, InputKind.Clean);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Hold(WorldEvent next, long inputsSoFar)
    {
        // The product master is what every other event of a SKU is read against: the PIM's feed is
        // never held back, so a SKU's record always reaches the pipeline before anything that names it.
        if (next.Type == EventTypes.ProductUpdated)
        {
            return false;
        }

        bool late;
        if (options.Late > 0 && LateCandidates.Contains(next.Type) && Behind(options.Late, inputsSoFar, _sentLate + _pendingLate))
        {
            late = true;
        }
        else if (options.OutOfOrder > 0 && Behind(options.OutOfOrder, inputsSoFar, _sentOutOfOrder + _pendingOutOfOrder))
        {
            late = false;
        }
        else
        {
            return false;
        }

        // Worth holding only if the next event is of another key and not far behind; a delay past it
        // then makes sure the held one is overtaken by something newer, as its kind says.
        var following = sim.Peek();
        var gap = following.OccurredAt - next.OccurredAt;
        var longest = late ? TimeSpan.FromHours(1) : MaxOutOfOrderDelay;
        if (gap > longest || following.Key == next.Key)
        {
            return false;
        }

        var delay = late
            ? rng.Spread(TimeSpan.FromHours(1.2), TimeSpan.FromHours(6))
            : rng.Spread(TimeSpan.FromSeconds(20), MaxOutOfOrderDelay);
        delay = delay > gap ? delay : gap + TimeSpan.FromSeconds(1);
        var held = new Held(next, next.OccurredAt + delay, late);
        _byRelease.Enqueue(held, (held.ReleaseAt.UtcTicks, _held++));
        _byKey[next.Key] = held;
        _pendingLate += late ? 1 : 0;
        _pendingOutOfOrder += late ? 0 : 1;
        return true;
    }

    /// <summary>True, with a probability that grows with the shortfall, when fewer were sent than the fraction asks for.</summary>
    private bool Behind(double fraction, long inputsSoFar, long count)
    {
        var shortfall = fraction * (inputsSoFar + 1) - count;
        return shortfall > 0 && rng.NextDouble() < shortfall;
    }

    private Held? TryRelease(DateTimeOffset worldNext)
    {
        while (_byRelease.TryPeek(out var held, out _))
        {
            if (held.Sent)
            {
                _byRelease.Dequeue();
                continue;
            }

            return held.ReleaseAt <= worldNext ? held : null;
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SimulatedInput Send(Held held, DateTimeOffset at)
    {
        held.Sent = true;
        _byKey.Remove(held.Event.Key);
        _pendingLate -= held.MeantLate ? 1 : 0;
        _pendingOutOfOrder -= held.MeantLate ? 0 : 1;

        var now = at > clock.GetUtcNow() ? at : clock.GetUtcNow();
        clock.Set(now);
        var overtaken = _newestSent > held.Event.OccurredAt;
        var kind = !overtaken ? InputKind.Clean
            : held.MeantLate && now - held.Event.OccurredAt >= LateThreshold ? InputKind.Late
            : InputKind.OutOfOrder;
        _sentLate += kind == InputKind.Late ? 1 : 0;
        _sentOutOfOrder += kind == InputKind.OutOfOrder ? 1 : 0;
        _newestSent = held.Event.OccurredAt > _newestSent ? held.Event.OccurredAt : _newestSent;
        recent.Add(held.Event.Json);
        return new SimulatedInput(held.Event.Json, kind);
    }

    private sealed class Held(WorldEvent @event, DateTimeOffset releaseAt, bool meantLate)
    {
        public WorldEvent Event => @event;

        public DateTimeOffset ReleaseAt => releaseAt;

        public bool MeantLate => meantLate;

        public bool Sent { get; set; }
    }
}
