using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Tests.Exceptions;
using Intelligence.Processors.Tests.Orders;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Fulfillment;

public sealed class NodeFoldTests
{
    private const string Node = "DC-EAST";
    private static readonly DateTimeOffset T0 = FoldHarness.T0; // 08:00 UTC

    private readonly FoldHarness _harness;
    private readonly SignalInjector _send;
    private readonly SignalRecorder _loads = new(typeof(NodeLoad));

    public NodeFoldTests() : this(new FulfillmentOptions())
    {
    }

    private NodeFoldTests(FulfillmentOptions options) =>
        _harness = SignalInjector.Around(out _send, new NodeFold(options), new ExceptionQueueFold(new ExceptionPolicyOptions()), _loads);

    [Fact]
    public void The_backlog_counts_lines_waiting_to_be_picked_and_lines_waiting_for_a_carrier()
    {
        Allocate("O-1/L1", 2, T0).Allocate("O-1/L2", 1, T0).Allocate("O-2/L1", 1, T0);
        Pick("O-1/L1", 2, T0.AddMinutes(30));

        var row = Row();
        Assert.Equal((2L, 2L, 1L, 2L), (row.BacklogLines, row.BacklogUnits, row.AwaitingDispatchLines, row.AwaitingDispatchUnits));

        _send.Send(Node, new ParcelDispatched(Node, "O-1", "SHP-1", [new ParcelLine("L1", 2)], null), T0.AddMinutes(40));
        Assert.Equal((0L, 1L), (Row().AwaitingDispatchLines, Row().ParcelsDispatched));
    }

    [Fact]
    public void A_released_allocation_leaves_the_backlog()
    {
        Allocate("O-1/L1", 2, T0).Allocate("O-2/L1", 1, T0);
        _send.Send(Node, new AllocationReleased(Node, "O-1", "L1", 2), T0.AddMinutes(5));

        Assert.Equal((1L, 1L, 1L), (Row().BacklogLines, Row().BacklogUnits, Row().LinesReleased));
    }

    [Fact]
    public void Pick_delay_is_the_average_and_high_percentile_of_the_recent_picks()
    {
        for (var i = 1; i <= 10; i++)
        {
            Allocate($"O-{i}/L1", 1, T0);
            Pick($"O-{i}/L1", 1, T0.AddMinutes(i), delay: 10 * i);
        }

        Assert.Equal((55.0, 90.0), (Row().PickDelayMinutes, Row().PickDelayHighMinutes));
    }

    [Fact]
    public void Throughput_is_the_lines_picked_in_the_window_per_hour_and_old_picks_drop_out()
    {
        Allocate("O-0/L1", 1, T0);
        for (var i = 1; i <= 6; i++)
        {
            Pick($"O-{i}/L1", 1, T0.AddHours(2).AddMinutes(10 * i));
        }

        Assert.Equal(3.0, Row().ThroughputPerHour); // 6 lines in the 2-hour window
        _harness.AdvanceTo(T0.AddHours(4).AddMinutes(30));
        Assert.Equal(1.5, Row().ThroughputPerHour); // at 12:30 only the picks after 10:30 count: 10:40, 10:50, 11:00
    }

    [Fact]
    public void Cutoff_risk_counts_the_lines_the_node_cannot_pick_before_its_carrier_cutoff()
    {
        // DC-EAST's cutoff is 21:00. At 20:00, picking 5 lines an hour, 5 of 20 waiting lines make it.
        Allocate("O-0/L1", 1, T0);
        for (var i = 0; i < 10; i++)
        {
            Pick($"O-{i}/L1", 1, T0.AddHours(10).AddMinutes(10 + 10 * i));
        }

        for (var i = 0; i < 20; i++)
        {
            Allocate($"W-{i}/L1", 1, T0.AddHours(12));
        }

        var row = Row();
        Assert.Equal((20L, 5.0, T0.AddHours(13)), (row.BacklogLines, row.ThroughputPerHour, row.NextCutoffAt));
        Assert.Equal(15L, row.CutoffRiskLines);
        Assert.Equal(4.0, row.BacklogHours);
    }

    [Fact]
    public void The_next_cutoff_is_today_before_it_and_tomorrow_after_it()
    {
        Assert.Equal(T0.AddHours(9), NodeWorkload.NextCutoff(T0, TimeSpan.FromHours(17)));
        Assert.Equal(T0.AddHours(24 + 7), NodeWorkload.NextCutoff(T0.AddHours(9), TimeSpan.FromHours(15)));
    }

    [Fact]
    public void A_node_stressed_for_longer_than_the_persistence_raises_node_backlog_and_resolves_once_calm_as_long()
    {
        for (var i = 0; i < 30; i++)
        {
            Allocate($"O-{i}/L1", 1, T0);
        }

        _harness.AdvanceTo(T0.AddMinutes(29));
        Assert.False(_harness.Engine.Store("exception-queue").ContainsKey("node_backlog:DC-EAST"));

        _harness.AdvanceTo(T0.AddMinutes(30));
        var raised = _harness.State<ExceptionState>("exception-queue", "node_backlog:DC-EAST");
        Assert.Equal(("open", "node", Node, Node), (raised.Status, raised.EntityKind, raised.EntityId, raised.Location));
        Assert.True(Row().BackedUp);

        for (var i = 0; i < 30; i++)
        {
            Pick($"O-{i}/L1", 1, T0.AddMinutes(40));
        }

        _harness.AdvanceTo(T0.AddMinutes(69));
        Assert.True(raised.IsOpen);
        _harness.AdvanceTo(T0.AddMinutes(70));
        Assert.Equal(("resolved", "cleared"), (raised.Status, raised.Resolution));
        Assert.False(Row().BackedUp);
    }

    [Fact]
    public void A_spike_shorter_than_the_persistence_raises_nothing()
    {
        for (var i = 0; i < 30; i++)
        {
            Allocate($"O-{i}/L1", 1, T0);
        }

        for (var i = 0; i < 30; i++)
        {
            Pick($"O-{i}/L1", 1, T0.AddMinutes(20));
        }

        _harness.AdvanceTo(T0.AddHours(5));
        Assert.Empty(_harness.Engine.Store("exception-queue"));
    }

    [Fact]
    public void A_quiet_node_with_few_lines_is_never_under_stress_however_slow()
    {
        for (var i = 0; i < 24; i++)
        {
            Allocate($"O-{i}/L1", 1, T0);
        }

        _harness.AdvanceTo(T0.AddHours(5));
        Assert.Equal(NodeWorkload.MaxBacklogHours, Row().BacklogHours);
        Assert.Empty(_harness.Engine.Store("exception-queue"));
    }

    [Fact]
    public void The_node_publishes_its_load_and_levels_at_most_once_a_minute()
    {
        for (var i = 0; i < 20; i++)
        {
            Allocate($"O-{i}/L1", 1, T0.AddSeconds(i * 5)); // 20 allocations over 100 seconds: two minutes
        }

        Assert.Equal(2, _loads.Of<NodeLoad>().Count());
        Assert.All(_loads.Of<NodeLoad>(), l => Assert.Equal(NodeLoad.Network, l.Key));
        Assert.Equal(2, _harness.RowsOf<KpiLevel>().Count(k => k.Metric == "backlog_lines" && k.Entity == "node:DC-EAST"));
        Assert.Equal(20L, Row().BacklogLines);
    }

    [Fact]
    public void The_orders_fold_feeds_the_node_its_work()
    {
        var o = new OrderScript().Placed(("L1", "SKU-1", 2, 10m)).Allocated("L1", "SKU-1", "3PL-NORTH", 2, 2)
            .After(TimeSpan.FromMinutes(29)).Picked("L1", "SKU-1", "3PL-NORTH", 2);

        var row = o.Harness.Latest<NodeRow>()["3PL-NORTH"];
        Assert.Equal((0L, 1L, 30.0, 1L), (row.BacklogLines, row.AwaitingDispatchLines, row.PickDelayMinutes, row.LinesPicked));
    }

    [Fact]
    public void The_default_options_are_valid_and_bad_ones_are_named()
    {
        Assert.Empty(new FulfillmentOptions().Problems());
        var problems = new FulfillmentOptions
        {
            ThroughputWindow = TimeSpan.FromMinutes(1), MinimumBacklogLines = 0, MaxRoutingTargets = 0,
            CarrierCutoffs = new Dictionary<string, TimeSpan> { ["DC-EAST"] = TimeSpan.FromHours(25) },
        }.Problems().ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("CarrierCutoffs:DC-EAST", StringComparison.Ordinal));
    }

    private NodeFoldTests Allocate(string line, int units, DateTimeOffset at)
    {
        var (order, lineId) = Split(line);
        _send.Send(Node, new LineAllocated(Node, order, lineId, "SKU-1", units, null), at);
        return this;
    }

    private void Pick(string line, int units, DateTimeOffset at, double? delay = 5)
    {
        var (order, lineId) = Split(line);
        _send.Send(Node, new LinePicked(Node, order, lineId, units, 0, delay), at);
    }

    private NodeRow Row() => _harness.Latest<NodeRow>()[Node];

    private static (string Order, string Line) Split(string line) => (line.Split('/')[0], line.Split('/')[1]);
}
