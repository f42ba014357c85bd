using System.Runtime.CompilerServices;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Feed;

/// <summary>
/// Turns the world's events into what sources actually send: mostly the events in time order, some
/// held back (out of order, late), and in the slots the schedule picks, exact re-sends of recent
/// events, malformed bytes and contract violations.
/// </summary>
internal sealed class InputFeed
{
    private static readonly byte[] QuantityMarker = "uantity\":"u8.ToArray();

    private readonly SimulatedClock _clock;
    private readonly Random _rng;
    private readonly BadInputSchedule _schedule;
    private readonly DeliveryDelays _delays;
    private readonly RecentSends _recent = new();
    private readonly Corruption _corruption;
    private long _emitted;

    public InputFeed(Simulation sim, SimulatedClock clock, SimulationOptions options)
    {
        _clock = clock;
        _rng = new Random(Seeds.Derive(options.Seed, Seeds.Feed));
        _schedule = new BadInputSchedule(_rng, options.BadInput);
        _delays = new DeliveryDelays(sim, clock, _rng, options.BadInput, _recent);
        _corruption = new Corruption(options.Seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SimulatedInput Next()
    {
        var input = _schedule.Due(_emitted) is { } kind && _recent.Count > 0 ? Bad(kind) : _delays.Next(_emitted);
        _emitted++;
        return input;
    }

    /// <summary>A bad input, sent at the current simulated time.</summary>
    private SimulatedInput Bad(InputKind kind)
    {
        _schedule.Taken(kind);
        var template = _recent.Pick(_rng);
        var json = kind switch
        {
            InputKind.Duplicate => (byte[])template.Clone(),
            InputKind.Malformed => _corruption.Malformed(_rng, template),
            _ => _corruption.Violation(_rng, template, _recent.PickContaining(_rng, QuantityMarker), _clock.GetUtcNow()),
        };
        return new SimulatedInput(json, kind);
    }
}
