using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.EndToEnd;

public sealed class DeterminismTests
{
    private static readonly Lazy<List<Intelligence.Contracts.RetailEvent>> Events =
        new(() => SimulatedEvents.Generate(40_000, scenarios: true, badInput: true));

    [Fact]
    public void The_same_events_in_the_same_order_give_identical_state_and_rows()
    {
        var first = Run(Events.Value);
        var second = Run(Events.Value);

        Assert.Equal(StoreSnapshot.Of(first.Engine), StoreSnapshot.Of(second.Engine));
        Assert.Equal(first.Rows.Count, second.Rows.Count);
        Assert.Equal(Json(first.Rows), Json(second.Rows));
    }

    [Fact]
    public void Every_state_round_trips_through_json_as_a_kafka_store_keeps_it()
    {
        var run = Run(Events.Value);

        foreach (var fold in run.Engine.Topology.Folds)
        {
            foreach (var state in run.Engine.Store(fold.Name).Values.Take(200))
            {
                var json = System.Text.Json.JsonSerializer.Serialize(state, fold.StateType);
                var back = System.Text.Json.JsonSerializer.Deserialize(json, fold.StateType);
                Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, fold.StateType));
            }
        }
    }

    [Fact]
    public void A_simulated_run_through_every_processor_raises_no_fold_failure()
    {
        var run = Run(Events.Value);

        Assert.Empty(run.Failures.Select(f => $"{f.Fold}: {f.Error.Message}"));
    }

    private static List<string> Json(IEnumerable<Intelligence.Processors.Flow.OutputRow> rows) =>
        rows.Select(r => r.Table + System.Text.Json.JsonSerializer.Serialize(r, r.GetType())).ToList();

    internal static FoldHarness Run(IEnumerable<Intelligence.Contracts.RetailEvent> events)
    {
        var harness = new FoldHarness(RetailTopology.Build(new ProcessorOptions()));
        foreach (var e in events)
        {
            harness.Feed(e);
        }

        return harness;
    }
}
