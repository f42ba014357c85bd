using Intelligence.Contracts.Payment;
using Intelligence.Processors.Finance;
using static Intelligence.Processors.Tests.Finance.FinanceBuilders;

namespace Intelligence.Processors.Tests.Finance;

public sealed class SettlementFoldTests
{
    private static readonly SettlementReported Statement = FinanceBuilders.Statement("ST-1", "ebay", T0,
        SettlementLine("O-1", "sale", 100m, 11.30m),
        SettlementLine("O-2", "sale", 40m, 4.70m),
        SettlementLine("O-3", "refund", -20m),
        SettlementLine("O-4", "chargeback", -30m, 15m),
        SettlementLine("O-1", "adjustment", -2.50m),
        SettlementLine("O-5", "fee", -1m));

    private static PayoutPaid Payout(decimal amount) =>
        new() { PayoutId = "PO-1", SettlementId = "ST-1", Provider = "ebay", Amount = amount, Currency = "EUR" };

    [Fact]
    public void A_statement_adds_up_to_its_net_payable()
    {
        var harness = Harness();
        harness.Feed("ST-1", Statement, T0.AddHours(5));

        var row = harness.Latest<SettlementRow>()["ST-1"];
        Assert.Equal((140m, 20m, 30m, -2.50m, 32m), (row.GrossSales, row.Refunds, row.Chargebacks, row.Adjustments, row.Fees));
        var payable = Statement.Lines!.Sum(l => l.Amount!.Value - l.Fee!.Value);
        Assert.Equal(payable, row.Net);
        Assert.Equal(("reported", 6, T0.AddHours(5)), (row.Status, row.Lines, row.ReportedAt));
    }

    [Fact]
    public void A_payout_is_compared_with_the_statement_it_pays()
    {
        var harness = Harness();
        harness.Feed("ST-1", Statement, T0.AddHours(5));
        harness.Feed("ST-1", Payout(55m), T0.AddDays(2).AddHours(5));

        var row = harness.Latest<SettlementRow>()["ST-1"];
        Assert.Equal(("paid", 55.5m, -0.5m, 48d), (row.Status, row.Net, row.PayoutDifference, row.PayoutLagHours));
    }

    [Fact]
    public void A_payout_seen_before_its_statement_is_compared_once_the_statement_arrives()
    {
        var harness = Harness();
        harness.Feed("ST-1", Payout(55.5m), T0.AddHours(1));
        Assert.Equal(("payout_only", (decimal?)null), (harness.Latest<SettlementRow>()["ST-1"].Status, harness.Latest<SettlementRow>()["ST-1"].PayoutDifference));

        harness.Feed("ST-1", Statement, T0);

        var row = harness.Latest<SettlementRow>()["ST-1"];
        Assert.Equal(("paid", 0m), (row.Status, row.PayoutDifference));
    }

    [Fact]
    public void Each_statement_line_reaches_the_order_it_settles()
    {
        var harness = Harness();
        harness.Feed("ST-1", Statement, T0.AddHours(5));

        var rows = harness.Latest<OrderReconciliationRow>();
        Assert.Equal(["O-1", "O-2", "O-3", "O-4", "O-5"], rows.Keys.Order());
        Assert.Equal((100m, -2.50m, 11.30m), (rows["O-1"].SettledSales, rows["O-1"].Adjustments, rows["O-1"].Fees));
        Assert.Equal((30m, 15m), (rows["O-4"].SettledChargebacks, rows["O-4"].Fees));
        Assert.Equal(1m, rows["O-5"].Fees);
    }
}
