using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Returns;

public sealed class ReturnsFlowTests
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;

    [Fact]
    public void Delivered_and_returned_units_reach_the_product_line_and_count_by_category_channel_supplier_and_reason()
    {
        var harness = new FoldHarness(new Topology(
            [new ProductFold(), .. ReturnsArea.Folds(new ReturnsOptions { WarmUpDays = 0 }), new DeliveredUnits()], ReturnsArea.Routers()));
        harness.Feed("SKU-1", new ProductUpdated
        {
            Sku = "SKU-1", Name = "Lamp", Category = "home", SupplierId = "SUP-1", UnitCost = 10m, Price = 25m, Currency = "EUR",
        }, T0);
        harness.Feed("ORD-1", new OrderPlaced
        {
            OrderId = "ORD-1", Channel = "marketplace-amz", CustomerId = "C-1", CustomerTier = "standard", Currency = "EUR",
            ShippingCharged = 0m, Lines = [new OrderLine { LineId = "L1", Sku = "SKU-1", Quantity = 3, UnitPrice = 25m, Discount = 0m }],
        }, T0.AddMinutes(1));
        harness.Feed("ORD-1", new ShipmentDispatched
        {
            ShipmentId = "SHP-1", OrderId = "ORD-1", Location = "DC-EAST", Carrier = "dhl", PromisedBy = T0.AddDays(2), ShippingCost = 4m,
            Lines = [new ShipmentLine { LineId = "L1", Sku = "SKU-1", Quantity = 3 }],
        }, T0.AddHours(5));
        harness.Feed("ORD-1", new ShipmentDelivered { ShipmentId = "SHP-1", OrderId = "ORD-1" }, T0.AddDays(1));
        harness.Feed("ORD-1", new ReturnRequested
        {
            ReturnId = "RET-1", OrderId = "ORD-1", LineId = "L1", Channel = "marketplace-amz", Sku = "SKU-1", Quantity = 2, Reason = "defective",
        }, T0.AddDays(2));

        var counts = harness.RowsOf<KpiCount>().GroupBy(k => (k.Metric, k.Entity)).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        foreach (var entity in new[] { "category:home", "channel:marketplace-amz", "supplier:SUP-1" })
        {
            Assert.Equal(3, counts[("units_delivered", entity)]);
            Assert.Equal(2, counts[("units_returned", entity)]);
        }

        Assert.Equal(2, counts[("units_returned", "reason:defective")]);
        Assert.DoesNotContain(("units_delivered", "reason:defective"), counts.Keys);

        var line = harness.Latest<ProductLineReturnsRow>()["home"];
        Assert.Equal((3L, 2L), (line.DeliveredRecent, line.ReturnedRecent));
        Assert.Equal(["defective:2"], line.TopReasons);
        Assert.Equal(["SKU-1:2"], line.TopSkus);
    }
}
