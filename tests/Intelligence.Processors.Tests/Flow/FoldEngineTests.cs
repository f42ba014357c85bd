using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Flow;

public sealed class FoldEngineTests
{
    private static readonly ProductUpdated Lamp = new()
    {
        Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "SUP-1", UnitCost = 10m, Price = 25m, Currency = "EUR",
    };

    [Fact]
    public void A_signal_sent_under_another_key_reaches_that_keys_state()
    {
        var harness = new FoldHarness(new Topology([new ProductFold(), new Recorder()], [new LedgerRouter("SKU-1", 3)]));
        harness.Feed("SKU-1", Lamp, FoldHarness.T0);
        harness.Feed("SKU-1@webstore", new ListingUpdated { Channel = "webstore", Sku = "SKU-1", ListedQuantity = 5, Price = 25m },
            FoldHarness.T0.AddMinutes(5));

        var recorded = harness.State<Recorder.Seen>("recorder", MarginEntry.KeyOf("SKU-1", "webstore", "none"));
        Assert.Equal(["revenue:30:home"], recorded.Entries);
    }

    [Fact]
    public void A_fold_that_throws_is_reported_and_the_next_input_is_processed()
    {
        var harness = new FoldHarness(new Topology([new Thrower(), new ProductFold()], []));
        harness.Feed("SKU-1", Lamp, FoldHarness.T0);
        harness.Feed("SKU-2", Lamp with { Sku = "SKU-2" }, FoldHarness.T0.AddMinutes(1));

        Assert.Equal(2, harness.Failures.Count);
        Assert.Equal(2, harness.Latest<ProductRow>().Count);
    }

    [Fact]
    public void Timers_fire_in_due_order_once_stream_time_passes_them()
    {
        var harness = new FoldHarness(new Alarm());
        harness.Feed("b", Lamp, FoldHarness.T0);
        harness.Feed("a", Lamp, FoldHarness.T0.AddMinutes(1));
        Assert.Empty(harness.Rows);

        harness.AdvanceTo(FoldHarness.T0.AddMinutes(11));

        Assert.Equal(["b", "a"], harness.RowsOf<KpiCount>().Select(r => r.Entity));
        harness.AdvanceTo(FoldHarness.T0.AddHours(1));
        Assert.Equal(2, harness.Rows.Count);
    }

    [Fact]
    public void Stream_time_never_goes_back_for_a_late_event()
    {
        var harness = new FoldHarness(new ProductFold());
        harness.Feed("SKU-1", Lamp, FoldHarness.T0.AddHours(1));
        harness.Feed("SKU-2", Lamp with { Sku = "SKU-2" }, FoldHarness.T0);

        Assert.Equal(FoldHarness.T0.AddHours(1), harness.Engine.StreamTime);
    }

    private sealed class LedgerRouter(string sku, int units) : IRouter
    {
        public IReadOnlyCollection<Type> Consumes { get; } = [typeof(ListingUpdated)];

        public void Route(Intelligence.Contracts.RetailEvent e, IOutputs outputs) =>
            outputs.Send(sku, new SalesLedgerEntry(sku, "webstore", "none", LedgerKinds.Revenue, units, units * 25m));
    }

    private sealed class Recorder : Fold<Recorder.Seen>
    {
        public override string Name => "recorder";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(MarginEntry)];

        protected override void Apply(Seen state, in Message message, IOutputs outputs)
        {
            var entry = (MarginEntry)message.Body;
            state.Entries.Add($"{entry.Kind}:{entry.Cogs:0}:{entry.Category}");
        }

        public sealed class Seen : FoldState
        {
            public List<string> Entries { get; set; } = [];
        }
    }

    private sealed class Thrower : Fold<Recorder.Seen>
    {
        public override string Name => "thrower";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ProductUpdated)];

        protected override void Apply(Recorder.Seen state, in Message message, IOutputs outputs) =>
            throw new InvalidOperationException("broken on purpose");
    }

    private sealed class Alarm : Fold<Alarm.Clock>
    {
        public override string Name => "alarm";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ProductUpdated)];

        protected override void Apply(Clock state, in Message message, IOutputs outputs) => state.Due ??= message.At.AddMinutes(10);

        protected override DateTimeOffset? DueAt(Clock state) => state.Fired ? null : state.Due;

        protected override void Tick(Clock state, string key, DateTimeOffset now, IOutputs outputs)
        {
            state.Fired = true;
            outputs.Write(KpiCount.Of("alarm", key, now, 1));
        }

        public sealed class Clock : FoldState
        {
            public DateTimeOffset? Due { get; set; }
            public bool Fired { get; set; }
        }
    }
}
