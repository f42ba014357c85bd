using CsCheck;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using static Intelligence.Processors.Tests.Finance.FinanceBuilders;

namespace Intelligence.Processors.Tests.Finance;

public sealed class SalesLedgerTests
{
    [Fact]
    public void Shipped_units_book_revenue_at_list_price_and_the_discount_pro_rata()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 4.95m, "PROMO-1", Line("L1", "SKU-1", 4, 10m, 6m), Line("L2", "SKU-2", 1, 30m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 5m, ("L1", "SKU-1", 1)), T0.AddHours(1));

        var ledger = harness.Ledger();
        Assert.Equal(new SalesLedgerEntry("SKU-1", "webstore", "PROMO-1", LedgerKinds.Revenue, 1, 10m), ledger[0]);
        Assert.Equal(new SalesLedgerEntry("SKU-1", "webstore", "PROMO-1", LedgerKinds.Discount, 0, 1.5m), ledger[1]);
        Assert.Equal(4.95m, ledger.Sum(LedgerKinds.ShippingCharged));
        Assert.Equal(5m, ledger.Sum(LedgerKinds.ShippingCost));
    }

    [Fact]
    public void A_line_without_a_discount_is_not_credited_to_the_orders_promotion()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, "PROMO-1", Line("L1", "SKU-1", 1, 10m, 2m), Line("L2", "SKU-2", 1, 30m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 0m, ("L1", "SKU-1", 1), ("L2", "SKU-2", 1)), T0.AddHours(1));

        var revenue = harness.Ledger().Where(e => e.Kind == LedgerKinds.Revenue).ToDictionary(e => e.Sku, e => e.PromotionId);
        Assert.Equal("PROMO-1", revenue["SKU-1"]);
        Assert.Equal(OrderPaymentsFold.NoPromotion, revenue["SKU-2"]);
    }

    [Fact]
    public void Shipping_is_charged_once_and_each_parcels_cost_is_split_over_its_lines_by_value()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "marketplace-ebay", 3.99m, null, Line("L1", "SKU-1", 1, 30m), Line("L2", "SKU-2", 2, 10m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 1), ("L2", "SKU-2", 1)), T0.AddHours(1));
        harness.Feed("O-1", Shipment("O-1", "S-2", 6m, ("L2", "SKU-2", 1)), T0.AddHours(2));

        var ledger = harness.Ledger();
        var cost = ledger.Where(e => e.Kind == LedgerKinds.ShippingCost).GroupBy(e => e.Sku).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        Assert.Equal(3m, cost["SKU-1"]);
        Assert.Equal(7m, cost["SKU-2"]);
        Assert.Equal(3.99m, ledger.Sum(LedgerKinds.ShippingCharged));
    }

    [Fact]
    public void A_refund_after_a_return_is_charged_to_the_returned_lines_sku()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 2, 20m, 4m), Line("L2", "SKU-2", 1, 50m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 2), ("L2", "SKU-2", 1)), T0.AddHours(1));
        harness.Feed("O-1", ReturnOf("O-1", "R-1", "L1", "SKU-1", 1), T0.AddDays(2));
        harness.Feed("O-1", Received("O-1", "R-1", "SKU-1", 1, "sellable"), T0.AddDays(3));
        harness.Feed("O-1", Refunded("O-1", 18m), T0.AddDays(4));

        var refunds = harness.Ledger().Where(e => e.Kind == LedgerKinds.Refund).ToList();
        Assert.Equal([new SalesLedgerEntry("SKU-1", "webstore", "none", LedgerKinds.Refund, 1, 18m)], refunds);
        Assert.Contains(harness.Ledger(), e => e is { Kind: LedgerKinds.Restocked, Sku: "SKU-1", Units: 1 });
    }

    [Fact]
    public void A_refund_no_return_explains_is_split_over_the_shipped_lines_by_value()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 1, 30m), Line("L2", "SKU-2", 1, 10m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 1), ("L2", "SKU-2", 1)), T0.AddHours(1));
        harness.Feed("O-1", Refunded("O-1", 8m), T0.AddDays(1));

        var refunds = harness.Ledger().Where(e => e.Kind == LedgerKinds.Refund).ToDictionary(e => e.Sku, e => e.Amount);
        Assert.Equal(6m, refunds["SKU-1"]);
        Assert.Equal(2m, refunds["SKU-2"]);
    }

    [Fact]
    public void A_damaged_return_is_refunded_but_not_restocked()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 1, 30m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 1)), T0.AddHours(1));
        harness.Feed("O-1", ReturnOf("O-1", "R-1", "L1", "SKU-1", 1), T0.AddDays(2));
        harness.Feed("O-1", Received("O-1", "R-1", "SKU-1", 1, "damaged"), T0.AddDays(3));
        harness.Feed("O-1", Refunded("O-1", 30m), T0.AddDays(4));

        Assert.DoesNotContain(harness.Ledger(), e => e.Kind == LedgerKinds.Restocked);
        Assert.Equal(30m, harness.Ledger().Sum(LedgerKinds.Refund));
    }

    [Fact]
    public void Settlement_fees_and_chargebacks_are_split_over_the_lines_by_value()
    {
        var harness = Harness();
        harness.Feed("O-1", Placed("O-1", "marketplace-amz", 0m, null, Line("L1", "SKU-1", 1, 75m), Line("L2", "SKU-2", 1, 25m)), T0);
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 1), ("L2", "SKU-2", 1)), T0.AddHours(1));
        harness.Feed("O-1", Captured("O-1", 100m, "amazon"), T0.AddHours(1));
        harness.Feed("ST-1", Statement("ST-1", "amazon", T0.AddDays(1), SettlementLine("O-1", "sale", 100m, 15m)), T0.AddDays(1));
        harness.Feed("O-1", Chargeback("O-1", 100m, "amazon"), T0.AddDays(5));

        var ledger = harness.Ledger();
        Assert.Equal(11.25m, ledger.Where(e => e is { Kind: LedgerKinds.Fee, Sku: "SKU-1" }).Sum(e => e.Amount));
        Assert.Equal(3.75m, ledger.Where(e => e is { Kind: LedgerKinds.Fee, Sku: "SKU-2" }).Sum(e => e.Amount));
        Assert.Equal(75m, ledger.Where(e => e is { Kind: LedgerKinds.Chargeback, Sku: "SKU-1" }).Sum(e => e.Amount));
        Assert.Equal(100m, ledger.Sum(LedgerKinds.Chargeback));
    }

    [Fact]
    public void A_shipment_seen_before_its_order_is_booked_once_the_prices_arrive()
    {
        var harness = Harness();
        harness.Feed("O-1", Shipment("O-1", "S-1", 4m, ("L1", "SKU-1", 2)), T0);
        harness.Feed("O-1", Refunded("O-1", 5m), T0.AddMinutes(1));
        Assert.Empty(harness.Ledger());

        harness.Feed("O-1", Placed("O-1", "webstore", 0m, null, Line("L1", "SKU-1", 2, 12.5m)), T0.AddMinutes(2));

        var ledger = harness.Ledger();
        Assert.Equal(25m, ledger.Sum(LedgerKinds.Revenue));
        Assert.Equal(4m, ledger.Sum(LedgerKinds.ShippingCost));
        Assert.Equal(5m, ledger.Sum(LedgerKinds.Refund));
    }

    private static readonly Gen<(List<(int Quantity, decimal Price, decimal Discount)> Lines, decimal Shipping, int[] Parcels, int Seed)> AnyOrder =
        Gen.Select(
            Gen.Select(Gen.Int[1, 6], Gen.Int[1, 30_000], Gen.Int[0, 100], (q, cents, pct) => (q, cents / 100m, decimal.Round(q * cents / 100m * pct / 100m, 2))).List[1, 5],
            Gen.Int[0, 1_000],
            Gen.Int[1, 4].Array[5],
            Gen.Int,
            (lines, shipping, parcels, seed) => (lines, shipping / 100m, parcels, seed));

    [Fact]
    public void A_fully_shipped_order_books_its_value_whatever_the_split_into_parcels()
    {
        AnyOrder.Sample(order =>
        {
            var harness = Harness();
            var lines = order.Lines.Select((l, i) => Line($"L{i}", $"SKU-{i}", l.Quantity, l.Price, l.Discount)).ToArray();
            harness.Feed("O-1", Placed("O-1", "webstore", order.Shipping, "P-1", lines), T0);

            // Each line's units go out over up to four parcels, parcels in a shuffled order.
            var rng = new Random(order.Seed);
            var parcels = new List<(string LineId, string Sku, int Quantity)>[4];
            for (var p = 0; p < parcels.Length; p++)
            {
                parcels[p] = [];
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var left = lines[i].Quantity!.Value;
                for (var p = 0; p < order.Parcels[i] && left > 0; p++)
                {
                    var units = p == order.Parcels[i] - 1 ? left : rng.Next(1, left + 1);
                    parcels[rng.Next(parcels.Length)].Add(($"L{i}", $"SKU-{i}", units));
                    left -= units;
                }
            }

            var costs = 0m;
            foreach (var parcel in parcels.Where(p => p.Count > 0))
            {
                var cost = rng.Next(0, 900) / 100m;
                costs += cost;
                harness.Feed("O-1", Shipment("O-1", $"S-{costs}", cost, [.. parcel]), T0.AddHours(1));
            }

            var ledger = harness.Ledger();
            var value = lines.Sum(l => l.Quantity!.Value * l.UnitPrice!.Value - l.Discount!.Value);
            return ledger.Sum(LedgerKinds.Revenue) - ledger.Sum(LedgerKinds.Discount) == value
                && ledger.Sum(LedgerKinds.Discount) == lines.Sum(l => l.Discount!.Value)
                && ledger.Sum(LedgerKinds.ShippingCharged) == order.Shipping
                && ledger.Sum(LedgerKinds.ShippingCost) == costs
                && ledger.All(e => e.Amount >= 0m);
        }, iter: 300);
    }
}
