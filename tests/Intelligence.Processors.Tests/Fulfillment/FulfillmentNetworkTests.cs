using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Tests.Exceptions;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Fulfillment;

public sealed class FulfillmentNetworkTests
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    private readonly FoldHarness _harness;
    private readonly SignalInjector _send;

    public FulfillmentNetworkTests() => _harness = SignalInjector.Around(out _send, new FulfillmentNetworkFold(new FulfillmentOptions()));

    [Fact]
    public void A_backed_up_node_is_relieved_by_the_eligible_nodes_in_proportion_to_their_spare_capacity()
    {
        Load("DC-EAST", spare: 20, T0);
        Load("DC-WEST", spare: 10, T0);
        Load("STORE-01", spare: 50, T0);
        BackedUp("3PL-NORTH", backlog: 80, inflow: 20, throughput: 5, T0.AddMinutes(1));

        // excess = (20 − 5) + 80 ÷ 8 drain hours = 25 lines/h, split 20 : 10; stores are not targets.
        var rows = Active();
        Assert.Equal([("3PL-NORTH", "DC-EAST", 16.7, 25.0), ("3PL-NORTH", "DC-WEST", 8.3, 25.0)],
            rows.Select(r => (r.FromNode, r.ToNode, r.LinesPerHour, r.TotalLinesPerHour)).OrderBy(r => r.ToNode));
        Assert.All(rows, r => Assert.Equal((80L, 5.0, 20.0), (r.FromBacklogLines, r.FromThroughputPerHour, r.FromInflowPerHour)));
        Assert.Contains("move about 16.7 lines/h of new allocations from 3PL-NORTH", rows.Single(r => r.ToNode == "DC-EAST").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_target_gets_more_than_its_spare_capacity()
    {
        Load("DC-EAST", spare: 4, T0);
        BackedUp("3PL-NORTH", backlog: 400, inflow: 30, throughput: 5, T0.AddMinutes(1));

        Assert.Equal(4.0, Active().Single().LinesPerHour);
        Assert.Equal(75.0, Active().Single().TotalLinesPerHour);
    }

    [Fact]
    public void A_recommendation_is_written_again_only_when_it_changes_materially_and_withdrawn_when_the_node_clears()
    {
        Load("DC-EAST", spare: 40, T0);
        BackedUp("3PL-NORTH", backlog: 80, inflow: 20, throughput: 5, T0.AddMinutes(1));
        BackedUp("3PL-NORTH", backlog: 88, inflow: 20, throughput: 5, T0.AddMinutes(2)); // 26 lines/h: within 25 %
        Assert.Single(_harness.RowsOf<RoutingRecommendationRow>());

        BackedUp("3PL-NORTH", backlog: 200, inflow: 20, throughput: 5, T0.AddMinutes(3)); // 40 lines/h
        Assert.Equal([25.0, 40.0], _harness.RowsOf<RoutingRecommendationRow>().Select(r => r.TotalLinesPerHour));

        Load("3PL-NORTH", spare: 0, T0.AddMinutes(4));
        var last = _harness.RowsOf<RoutingRecommendationRow>().Last();
        Assert.Equal(("3PL-NORTH", "DC-EAST", false, 0.0), (last.FromNode, last.ToNode, last.Active, last.LinesPerHour));
        Load("3PL-NORTH", spare: 0, T0.AddMinutes(5));
        Assert.Equal(3, _harness.RowsOf<RoutingRecommendationRow>().Count());
    }

    [Fact]
    public void A_node_that_is_backed_up_itself_is_never_a_target()
    {
        BackedUp("DC-EAST", backlog: 80, inflow: 20, throughput: 5, T0);
        BackedUp("3PL-NORTH", backlog: 80, inflow: 20, throughput: 5, T0.AddMinutes(1));

        Assert.Empty(_harness.RowsOf<RoutingRecommendationRow>());
    }

    private void Load(string node, double spare, DateTimeOffset at) =>
        _send.Send(NodeLoad.Network, new NodeLoad(node, 5, 0.5, 10, 10, 10 + spare, spare, 30, false), at);

    private void BackedUp(string node, int backlog, double inflow, double throughput, DateTimeOffset at) =>
        _send.Send(NodeLoad.Network, new NodeLoad(node, backlog, backlog / throughput, throughput, inflow, throughput, 0, 300, true), at);

    private List<RoutingRecommendationRow> Active() => [.. _harness.RowsOf<RoutingRecommendationRow>().Where(r => r.Active)];
}
