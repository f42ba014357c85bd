using System.Runtime.CompilerServices;
using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Orders;

/// <summary>Customers arriving on one channel, following the channel's daily and weekly curve.</summary>
internal sealed class OrderArrivals(int channel, double ordersPerSecond) : IHappening
{
    public DateTimeOffset First(Simulation sim) => DemandCurve.NextArrival(sim.Rng, channel, ordersPerSecond, sim.Plan.Start);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Happen(Simulation sim)
    {
        OrderDesk.Place(sim, channel, forcedSku: null);
        sim.Timeline.At(DemandCurve.NextArrival(sim.Rng, channel, ordersPerSecond, sim.Now), this);
    }
}
