using System.Text.Json;

namespace Intelligence.Processors.Tests.Orders;

public sealed class StateRoundTripTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("exception-queue")]
    [InlineData("nodes")]
    [InlineData("fulfillment-network")]
    public void Every_state_of_the_area_round_trips_through_json_with_default_options(string fold)
    {
        var run = SimulatedOrdersRun.Scenarios;
        var type = run.Harness.Engine.Topology.Fold(fold).StateType;
        var states = run.Harness.Engine.Store(fold).Values.Take(500).ToList();
        Assert.NotEmpty(states);
        foreach (var state in states)
        {
            var json = JsonSerializer.Serialize(state, type);
            var back = JsonSerializer.Deserialize(json, type);
            Assert.Equal(json, JsonSerializer.Serialize(back, type));
        }
    }
}
