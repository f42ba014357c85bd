using System.Text.Json;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Suppliers;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>A Kafka state store keeps each key's state as JSON with default options: what the folds keep must survive it.</summary>
public sealed class FoldStateJsonTests
{
    [Theory]
    [InlineData(PurchaseOrderFold.FoldName)]
    [InlineData(SupplierScorecardFold.FoldName)]
    [InlineData(ProductLineReturnsFold.FoldName)]
    public void Every_state_of_a_simulated_run_round_trips_through_json(string fold)
    {
        var engine = ScenarioRuns.WithScenarios.Harness.Engine;
        var type = engine.Topology.Fold(fold).StateType;
        var states = engine.Store(fold);
        Assert.NotEmpty(states);

        foreach (var state in states.Values)
        {
            var json = JsonSerializer.Serialize(state, type);
            var back = JsonSerializer.Deserialize(json, type);
            Assert.Equal(json, JsonSerializer.Serialize(back, type));
        }
    }
}
