using Intelligence.Contracts.Channel;
using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Tests.Support;
using static Intelligence.Processors.Tests.Finance.FinanceBuilders;

namespace Intelligence.Processors.Tests.Margin;

public sealed class MarginFoldTests
{
    private const string Key = "SKU-1|webstore|none";

    [Fact]
    public void Contribution_is_net_revenue_and_shipping_charged_less_cogs_fees_shipping_refunds_and_chargebacks()
    {
        var margin = new MarginRun();
        margin.Add(LedgerKinds.Revenue, 100m, units: 2, cogs: 40m);
        margin.Add(LedgerKinds.Discount, 10m);
        margin.Add(LedgerKinds.ShippingCharged, 5m);
        margin.Add(LedgerKinds.ShippingCost, 8m);
        margin.Add(LedgerKinds.Fee, 12m);
        margin.Add(LedgerKinds.Refund, 20m, units: 1);
        margin.Add(LedgerKinds.Restocked, 0m, units: 1, cogs: -20m);
        margin.Add(LedgerKinds.Chargeback, 3m);

        var row = margin.Row;
        Assert.Equal((100m, 10m, 90m, 20m, 12m), (row.Revenue, row.Discount, row.NetRevenue, row.Cogs, row.Fees));
        Assert.Equal((2L, 1L, 1L), (row.Units, row.RefundedUnits, row.RestockedUnits));
        Assert.Equal(90m + 5m - 20m - 12m - 8m - 20m - 3m, row.Contribution);
        Assert.Equal(35.56m, row.MarginPercent);
        Assert.Equal(("home", "webstore", "none", 8L), (row.Category, row.Channel, row.PromotionId, row.Revision));
    }

    [Fact]
    public void The_kpi_deltas_per_channel_and_promotion_add_up_to_the_figures()
    {
        var margin = new MarginRun(promotion: "PROMO-7");
        margin.Add(LedgerKinds.Revenue, 300m, units: 3, cogs: 100m);
        margin.Add(LedgerKinds.Discount, 30m);
        margin.Add(LedgerKinds.Fee, 12m);
        margin.Add(LedgerKinds.Refund, 90m, units: 1);
        margin.Add(LedgerKinds.Restocked, 0m, units: 1, cogs: -33.33m);

        var row = margin.Row;
        foreach (var entity in new[] { "channel:webstore", "promotion:PROMO-7" })
        {
            double Sum(string metric) => margin.Rows.OfType<KpiCount>().Where(k => k.Metric == metric && k.Entity == entity).Sum(k => k.Value);
            Assert.Equal((double)row.Revenue, Sum(MarginKpis.Revenue), 6);
            Assert.Equal((double)row.NetRevenue, Sum(MarginKpis.NetRevenue), 6);
            Assert.Equal((double)row.Cogs, Sum(MarginKpis.Cogs), 6);
            Assert.Equal((double)row.Fees, Sum(MarginKpis.Fees), 6);
            Assert.Equal((double)row.Refunds, Sum(MarginKpis.Refunds), 6);
            Assert.Equal((double)row.Contribution, Sum(MarginKpis.Contribution), 6);
        }

        // The margin-rate series sees the same money: contribution over net revenue, the promotion's leaks as its driver.
        Assert.All(margin.Observed, o => Assert.Equal("channel:webstore", o.Entity));
        Assert.Equal((double)row.Contribution, margin.Observed.Sum(o => o.Value), 6);
        Assert.Equal((double)row.NetRevenue, margin.Observed.Sum(o => o.Weight), 6);
        Assert.Equal((double)(row.Discount + row.Fees + row.Refunds), margin.Observed.SelectMany(o => o.Drivers!).Where(d => d.Entity == "promotion:PROMO-7").Sum(d => d.Value), 6);
    }

    [Fact]
    public void A_leak_is_written_when_it_opens_and_when_it_closes_not_on_every_entry()
    {
        var margin = new MarginRun();
        margin.Add(LedgerKinds.Revenue, 150m, units: 1, cogs: 50m);
        margin.Add(LedgerKinds.Discount, 60m);
        Assert.Empty(margin.Leaks); // below the minimum revenue nothing is judged

        margin.Add(LedgerKinds.Revenue, 150m, units: 1, cogs: 50m);
        margin.Add(LedgerKinds.Discount, 30m);
        margin.Add(LedgerKinds.Fee, 1m);
        var opened = Assert.Single(margin.Leaks);
        Assert.Equal((LeakComponents.Discount, "opened", 30m, 25m), (opened.Component, opened.State, opened.Percent, opened.LimitPercent));
        Assert.Equal([LeakComponents.Discount], margin.Row.Leaks);

        margin.Add(LedgerKinds.Revenue, 300m, units: 2, cogs: 100m);

        Assert.Equal(2, margin.Leaks.Count);
        Assert.Equal((LeakComponents.Discount, "closed", 15m), (margin.Leaks[1].Component, margin.Leaks[1].State, margin.Leaks[1].Percent));
        Assert.Empty(margin.Row.Leaks);
    }

    [Fact]
    public void Refunds_that_wipe_out_the_contribution_open_refund_and_margin_leaks()
    {
        var margin = new MarginRun();
        margin.Add(LedgerKinds.Revenue, 500m, units: 5, cogs: 200m);
        margin.Add(LedgerKinds.Refund, 300m, units: 3);

        Assert.Equal(
            [(LeakComponents.Margin, "opened"), (LeakComponents.Refunds, "opened")],
            margin.Leaks.Select(l => (l.Component, l.State)).ToList());
        Assert.Equal((0m, 10m), (margin.Leaks[0].Percent, margin.Leaks[0].LimitPercent));
        Assert.Equal((60m, 15m), (margin.Leaks[1].Percent, margin.Leaks[1].LimitPercent));
    }

    [Fact]
    public void A_shipped_order_reaches_margin_through_the_product_fold_with_its_landed_cost()
    {
        var harness = new FoldHarness(new Topology(
            [.. FinanceArea.Folds(new FinanceOptions()), new ProductFold(), .. MarginArea.Folds(new MarginOptions())],
            [.. FinanceArea.Routers(), .. MarginArea.Routers()]));
        harness.Feed("SKU-1", new ProductUpdated
        {
            Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "SUP-1", UnitCost = 10m, Price = 25m, Currency = "EUR",
        }, T0);
        harness.Feed("O-1", Placed("O-1", "marketplace-amz", 0m, "P-1", Line("L1", "SKU-1", 2, 25m, 5m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4.20m, ("L1", "SKU-1", 2)), T0.AddHours(1));
        harness.Feed("O-1", Captured("O-1", 45m, "amazon"), T0.AddHours(1));
        harness.Feed("ST-1", Statement("ST-1", "amazon", T0.AddDays(2), SettlementLine("O-1", "sale", 45m, 6.75m)), T0.AddDays(2));

        var row = harness.Latest<MarginRow>()["SKU-1|marketplace-amz|P-1"];
        Assert.Equal((50m, 5m, 20m, 6.75m, 4.20m), (row.Revenue, row.Discount, row.Cogs, row.Fees, row.ShippingCost));
        Assert.Equal(45m - 20m - 6.75m - 4.20m, row.Contribution);
        Assert.Equal("home", row.Category);
    }

    /// <summary>Applies margin entries for one SKU × channel × promotion straight to the fold and keeps its output.</summary>
    private sealed class MarginRun(string promotion = "none") : IOutputs
    {
        private readonly MarginFold _fold = new(new MarginOptions());
        private readonly FoldState _state = new MarginFold(new MarginOptions()).NewState();
        private int _minutes;

        public List<OutputRow> Rows { get; } = [];

        public MarginRow Row => Rows.OfType<MarginRow>().Last();

        public List<MarginLeakageRow> Leaks => [.. Rows.OfType<MarginLeakageRow>()];

        public void Add(string kind, decimal amount, int units = 0, decimal cogs = 0m)
        {
            var at = T0.AddMinutes(_minutes++);
            var entry = new MarginEntry("SKU-1", "home", "webstore", promotion, kind, units, amount, cogs);
            _state.Revision++;
            _fold.Apply(_state, new Message(MarginEntry.KeyOf("SKU-1", "webstore", promotion), at, $"e-{_minutes}", "test", at, entry), this);
        }

        public List<KpiObserved> Observed { get; } = [];

        public void Send(string key, ISignal signal) =>
            Observed.Add(signal as KpiObserved ?? throw new InvalidOperationException("margin sends only its margin observations"));

        public void Write(OutputRow row) => Rows.Add(row);
    }
}
