namespace Intelligence.Simulator.Tests;

public class DeterminismTests
{
    private static SimulationOptions Options(int seed) => new()
    {
        Seed = seed,
        Events = 20_000,
        Scenarios = new HashSet<Scenario>(Enum.GetValues<Scenario>()),
        BadInput = BadInputOptions.Default,
    };

    [Fact]
    public void Same_seed_produces_identical_bytes()
    {
        var first = new RetailSimulator(Options(7)).Generate().ToList();
        var second = new RetailSimulator(Options(7)).Generate().ToList();

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Kind, second[i].Kind);
            Assert.True(first[i].Json.AsSpan().SequenceEqual(second[i].Json), $"input {i} differs");
        }
    }

    [Fact]
    public void Generating_twice_from_one_simulator_replays_the_same_run_and_clock()
    {
        var simulator = new RetailSimulator(Options(11));
        var first = simulator.Generate().Select(i => (i.Json, simulator.Clock.GetUtcNow())).ToList();
        var second = simulator.Generate().Select(i => (i.Json, simulator.Clock.GetUtcNow())).ToList();

        Assert.Equal(first.Select(f => f.Item2), second.Select(s => s.Item2));
        Assert.True(first.Zip(second).All(p => p.First.Json.AsSpan().SequenceEqual(p.Second.Json)));
    }

    [Fact]
    public void Different_seed_produces_a_different_stream()
    {
        var first = new RetailSimulator(Options(1)).Generate().Take(2_000).ToList();
        var second = new RetailSimulator(Options(2)).Generate().Take(2_000).ToList();

        var same = first.Zip(second).Count(p => p.First.Json.AsSpan().SequenceEqual(p.Second.Json));
        Assert.True(same < 20, $"{same} of 2000 inputs were identical across seeds");
    }

    [Fact]
    public void Different_seed_produces_a_different_catalogue_and_ground_truth()
    {
        var first = new RetailSimulator(Options(1));
        var second = new RetailSimulator(Options(2));

        Assert.NotEqual(first.Catalogue.Skus.Select(s => s.Name), second.Catalogue.Skus.Select(s => s.Name));
        Assert.NotEqual(
            first.GroundTruth.Select(t => t.EntityId + t.Details.GetValueOrDefault("skus")),
            second.GroundTruth.Select(t => t.EntityId + t.Details.GetValueOrDefault("skus")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_234)]
    public void Generate_yields_exactly_the_requested_number_of_inputs(long events)
    {
        var simulator = new RetailSimulator(new SimulationOptions { Events = events, BadInput = BadInputOptions.Default });

        Assert.Equal(events, simulator.Generate().LongCount());
    }

    [Fact]
    public void Generation_is_lazy()
    {
        var simulator = new RetailSimulator(new SimulationOptions { Events = 100_000_000 });

        Assert.Equal(10, simulator.Generate().Take(10).Count());
    }

    [Fact]
    public void Bad_input_does_not_change_the_world_it_is_mixed_into()
    {
        var clean = new RetailSimulator(new SimulationOptions { Events = 20_000 }).Generate()
            .ToDictionary(i => Id(i.Json), i => i.Json);
        var noisy = new RetailSimulator(new SimulationOptions { Events = 20_000, BadInput = BadInputOptions.Default }).Generate()
            .Where(i => i.Kind is InputKind.Clean or InputKind.OutOfOrder or InputKind.Late)
            .ToList();

        Assert.All(noisy, i => Assert.True(clean.TryGetValue(Id(i.Json), out var same) && same.AsSpan().SequenceEqual(i.Json)));
    }

    private static string Id(byte[] json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
}
