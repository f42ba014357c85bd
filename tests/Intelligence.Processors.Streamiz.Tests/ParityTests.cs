using CsCheck;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Streamiz.Tests.Support;
using Xunit.Abstractions;

namespace Intelligence.Processors.Streamiz.Tests;

public sealed class ParityTests(ITestOutputHelper output)
{
    private static readonly string[] Channels = ["webstore", "stores", "wholesale"];

    [Fact]
    public void Re_keyed_signals_a_two_hop_chain_and_timers_end_in_the_same_rows_and_states_as_the_engine()
    {
        var events = ListingScenario.Events(300);

        var report = ParityCheck.Run(ListingScenario.Topology(), events);
        output.WriteLine(report.ToString());

        Assert.Empty(report.Differences);
        Assert.True(report.EngineRows > 300, report.ToString());
        Assert.True(report.Failures > 0, "the scenario should include listings the board refuses");
    }

    [Fact]
    public void The_scenario_exercises_ticks_lateness_and_tick_signals()
    {
        var topology = ListingScenario.Topology();
        var engine = new FoldEngine(topology);
        foreach (var e in ListingScenario.Events(300))
        {
            engine.Process(e, new Discard());
        }

        var quiet = (QuietLog.State)engine.Store("quiet-log")["all"];
        Assert.True(quiet.Entries.Count >= 10, $"only {quiet.Entries.Count} quiet spells");
        Assert.Contains(engine.Store("sku-listings").Values.Cast<SkuListings.State>(), s => s.MaxLatenessSeconds > 0);
        Assert.Contains(engine.Store("products").Values.Cast<ProductState>(), s => s.PurchasedUnits > 0);
    }

    [Fact]
    public void Simulated_events_through_products_and_purchase_costs_end_the_same_as_in_the_engine()
    {
        var events = SimulatedEvents.Generate(1_500);
        var topology = new Topology([new ProductFold()], [new PurchaseCostRouter()]);

        var report = ParityCheck.Run(topology, events);
        output.WriteLine(report.ToString());

        Assert.Empty(report.Differences);
        Assert.Contains(events, e => e.Payload is PurchaseOrderCreated);
        Assert.Contains(events, e => e.Payload is ProductUpdated);
        Assert.True(report.StateKeys > 0 && report.EngineRows > 0, report.ToString());
    }

    [Fact]
    public void The_whole_retail_topology_ends_the_same_on_Kafka_as_in_the_engine()
    {
        var events = SimulatedEvents.Generate(2_500, skus: 60);
        var topology = RetailTopology.Build(new ProcessorOptions());

        var report = ParityCheck.Run(topology, events);
        output.WriteLine(report.ToString());

        Assert.Empty(report.Differences);
        Assert.Contains(events, e => e.Payload is Intelligence.Contracts.Channel.OrderPlaced);
        Assert.True(report.StateKeys > 500 && report.EngineRows > 1_000, report.ToString());
    }

    [Fact]
    public void Any_short_listing_history_ends_the_same_on_Kafka_as_in_the_engine()
    {
        var listing =
            from sku in Gen.Int[1, 3]
            from channel in Gen.Int[0, 2]
            from quantity in Gen.Int[0, 14]
            from gap in Gen.Int[0, 45]
            from late in Gen.Int[0, 60]
            select (Sku: $"SKU-{sku}", Channel: Channels[channel], Quantity: quantity, Gap: gap, Late: late);

        listing.Array[1, 25].Sample(steps =>
        {
            var t = TestEvents.T0;
            var events = steps.Select(s =>
            {
                t = t.AddMinutes(s.Gap);
                return TestEvents.Of($"{s.Sku}@{s.Channel}", new ListingUpdated
                {
                    Channel = s.Channel, Sku = s.Sku, ListedQuantity = s.Quantity, Price = 19.99m,
                }, s.Late > 50 ? t.AddMinutes(-s.Late) : t);
            }).ToList();

            var report = ParityCheck.Run(ListingScenario.Topology(), events);
            return report.Differences.Count == 0;
        }, iter: 25);
    }

    [Fact]
    public void A_state_that_does_not_survive_json_shows_up_as_a_difference()
    {
        var events = ListingScenario.Events(40);

        var report = ParityCheck.Run(new Topology([new Forgetful()], [new ListingRouter()]), events);

        // The store comparison cannot see what JSON drops; the rows written from it can.
        Assert.Contains(report.Differences, d => d.StartsWith("table forgetful", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_order_inside_a_state_is_not_a_difference_but_a_value_is()
    {
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"Listed":{"a":1,"b":2},"Revision":3}"""),
            System.Text.Json.Nodes.JsonNode.Parse("""{"Revision":3,"Listed":{"b":2,"a":1}}""")));
        Assert.False(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"Listed":{"a":1,"b":2}}"""),
            System.Text.Json.Nodes.JsonNode.Parse("""{"Listed":{"a":1,"b":3}}""")));
    }

    /// <summary>Keeps a count in a public field, which System.Text.Json does not write: fine in memory, lost in a store.</summary>
    private sealed class Forgetful : Fold<Forgetful.State>
    {
        public override string Name => "forgetful";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ListingSeen)];

        protected override void Apply(State state, in Message message, IOutputs outputs)
        {
            state.Seen++;
            outputs.Write(new ForgetfulRow(message.Key, state.Seen) { Revision = state.Revision });
        }

        public sealed class State : FoldState
        {
#pragma warning disable CA1051 // the point of this state: a field does not reach the store
            public int Seen;
#pragma warning restore CA1051
        }
    }

    private sealed record ForgetfulRow(string Sku, int Seen) : StateRow
    {
        public override string Table => "forgetful";

        public override string RowKey => Sku;
    }

    private sealed class Discard : IOutputSink
    {
        public void Row(OutputRow row)
        {
        }

        public void Failed(in Message message, string fold, Exception error)
        {
        }
    }
}
