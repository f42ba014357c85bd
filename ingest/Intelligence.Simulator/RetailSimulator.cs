using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Feed;
using Intelligence.Simulator.Planning;
using Intelligence.Simulator.Scenarios;

namespace Intelligence.Simulator;

/// <summary>
/// A deterministic multi-channel retailer: orders, fulfilment, stock, suppliers, payments and
/// settlements over simulated weeks, with the scenarios and bad input asked for. The same options
/// give the same inputs, byte for byte.
/// </summary>
public sealed class RetailSimulator
{
    private readonly SimulationOptions _options;
    private readonly RunPlan _plan;
    private readonly ScenarioPlan _scenarios;

    public RetailSimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        _options = options;
        Catalogue = Assortment.Build(options);
        _plan = new RunPlan(options, Catalogue);
        _scenarios = new ScenarioPlan(options, Catalogue, _plan);
        Clock = new SimulatedClock(_plan.Start);
    }

    /// <summary>Simulated "now": while <see cref="Generate"/> is being enumerated, the time the current input is sent.</summary>
    public SimulatedClock Clock { get; }

    public Catalogue Catalogue { get; }

    /// <summary>The enabled scenarios: what, where and when. Known before generation starts.</summary>
    public IReadOnlyList<ScenarioTruth> GroundTruth => _scenarios.Truths;

    /// <summary>Lazily yields exactly <see cref="SimulationOptions.Events"/> inputs. Each enumeration
    /// starts the world afresh (and resets <see cref="Clock"/>); enumerate one at a time.</summary>
    public IEnumerable<SimulatedInput> Generate()
    {
        Clock.Set(_plan.Start);
        using var sim = new Simulation(_options, Catalogue, _plan, _scenarios);
        sim.Open();
        var feed = new InputFeed(sim, Clock, _options);
        for (var i = 0L; i < _options.Events; i++)
        {
            yield return feed.Next();
        }
    }
}
