using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Planning;
using Intelligence.Simulator.Scenarios;

namespace Intelligence.Simulator.Tests;

public class LongRunTests
{
    [Fact]
    public void Finished_orders_are_retired_so_a_long_run_stays_bounded()
    {
        var options = new SimulationOptions { Events = 100_000, Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()) };
        var catalogue = Assortment.Build(options);
        var plan = new RunPlan(options, catalogue);
        using var sim = new Simulation(options, catalogue, plan, new ScenarioPlan(options, catalogue, plan));
        sim.Open();

        // Booked happenings stand for everything alive: orders in flight, returns, POs, transfers.
        int MostBookedOver(int events)
        {
            var most = 0;
            for (var i = 1; i <= events; i++)
            {
                sim.Peek();
                sim.Take();
                most = i % 5_000 == 0 ? Math.Max(most, sim.Timeline.Pending) : most;
            }

            return most;
        }

        MostBookedOver(100_000);
        var early = MostBookedOver(100_000);
        MostBookedOver(200_000);
        var late = MostBookedOver(100_000);

        Assert.True(late < early * 1.5, $"{early} happenings booked early on, {late} four times further into the run");
    }
}
