using CsCheck;
using Intelligence.Contracts;

namespace Intelligence.Simulator.Tests;

/// <summary>Invariants that hold whatever the seed and mix of bad input.</summary>
public class PropertyTests
{
    private static readonly Gen<SimulationOptions> AnyRun =
        Gen.Select(Gen.Int, Gen.Double[0, 0.05], Gen.Double[0, 0.05], Gen.Double[0, 0.1], (seed, broken, resent, delayed) => new SimulationOptions
        {
            Seed = seed,
            Events = 4_000,
            Skus = 300,
            Customers = 2_000,
            Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()),
            BadInput = new BadInputOptions { Malformed = broken, SchemaViolations = broken, Duplicates = resent, OutOfOrder = delayed, Late = delayed / 4 },
        });

    [Fact]
    public void For_any_seed_each_input_is_judged_as_its_kind_says_and_keys_stay_in_order()
    {
        AnyRun.Sample(options =>
        {
            var simulator = new RetailSimulator(options);
            var reader = new EventReader(new EventReaderOptions(), simulator.Clock);
            var lastByKey = new Dictionary<string, DateTimeOffset>();
            foreach (var input in simulator.Generate())
            {
                var outcome = reader.Read(input.Json);
                var meantToPass = input.Kind is not (InputKind.Malformed or InputKind.SchemaViolation);
                if (outcome.IsAccepted != meantToPass)
                {
                    return false;
                }

                if (outcome.Accepted is { } e && input.Kind != InputKind.Duplicate)
                {
                    if (lastByKey.TryGetValue(e.Key, out var previous) && e.OccurredAt < previous)
                    {
                        return false;
                    }

                    lastByKey[e.Key] = e.OccurredAt;
                }
            }

            return true;
        }, iter: 8);
    }

    [Fact]
    public void The_smallest_world_starting_at_an_odd_moment_still_runs_cleanly()
    {
        var options = new SimulationOptions
        {
            Events = 10_000,
            Skus = 20,
            Stores = 1,
            Suppliers = 2,
            Customers = 100,
            Start = new DateTimeOffset(2027, 3, 18, 13, 45, 17, TimeSpan.FromHours(2)),
            Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()),
            BadInput = BadInputOptions.Default,
        };
        var simulator = new RetailSimulator(options);
        var reader = new EventReader(new EventReaderOptions(), simulator.Clock);

        var inputs = simulator.Generate().Select(i => (i.Kind, Accepted: reader.Read(i.Json).IsAccepted)).ToList();

        Assert.Equal(10_000, inputs.Count);
        Assert.All(inputs, i => Assert.Equal(i.Kind is not (InputKind.Malformed or InputKind.SchemaViolation), i.Accepted));
        Assert.All(simulator.GroundTruth, t => Assert.True(t.StartsAt > options.Start && t.StartsAt < simulator.Clock.GetUtcNow()));
    }
}
