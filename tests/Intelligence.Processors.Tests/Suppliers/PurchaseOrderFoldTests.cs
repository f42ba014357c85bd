using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Support;
using static Intelligence.Processors.Tests.Suppliers.PurchaseOrderBuilder;

namespace Intelligence.Processors.Tests.Suppliers;

public sealed class PurchaseOrderFoldTests
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;
    private static readonly DateTimeOffset Promise = T0.AddDays(3);
    private static readonly string ShortId = ExceptionRaised.IdOf(ExceptionCategories.SupplierShortShipment, "PO-1");

    [Fact]
    public void A_purchase_order_is_followed_from_creation_through_its_asn_to_a_full_receipt()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60), ("SKU-B", 40)), T0);
        Assert.Equal(PurchaseOrderStatuses.Open, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);

        harness.Feed("PO-1", Asn("PO-1", "ASN-1", Promise.AddHours(6), ("SKU-A", 60), ("SKU-B", 40)), T0.AddDays(2));
        Assert.Equal(PurchaseOrderStatuses.InTransit, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);

        harness.Feed("PO-1", Receipt("PO-1", "ASN-1", ("SKU-A", 60, 2), ("SKU-B", 40, 0)), Promise.AddHours(12));
        var row = harness.Latest<PurchaseOrderRow>()["PO-1"];

        Assert.Equal(PurchaseOrderStatuses.Received, row.Status);
        Assert.Equal((100, 100, 100, 2), (row.OrderedUnits, row.AsnUnits, row.ReceivedUnits, row.DamagedUnits));
        Assert.Equal((1.0, 1.0), (row.FillRate, row.AsnAccuracy));
        Assert.Equal((3.0, 3.5, 0.5), (row.PromisedLeadDays, row.ActualLeadDays, row.DaysLate));
        Assert.Equal((T0, Promise, Promise.AddHours(6), Promise.AddHours(12)), (row.CreatedAt, row.PromisedAt, row.AsnExpectedAt, row.ReceivedAt));
        Assert.Empty(ExceptionLog.Read(harness));
    }

    [Fact]
    public void Inbound_rises_by_the_order_moves_to_the_asn_date_and_falls_by_each_receipt()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60)), T0);
        harness.Feed("PO-1", Asn("PO-1", "ASN-1", Promise.AddDays(1), ("SKU-A", 60)), T0.AddDays(2));
        harness.Feed("PO-1", Receipt("PO-1", "ASN-1", ("SKU-A", 60, 0)), Promise.AddDays(1));

        var deltas = Inbound(harness, "SKU-A");
        Assert.Equal([60, 0, -60], deltas.Select(d => d.Delta));
        Assert.Equal([Promise, Promise.AddDays(1), Promise.AddDays(1)], deltas.Select(d => d.ExpectedAt));
        Assert.All(deltas, d => Assert.Equal(("PO-1", "SKU-A", Location), (d.PoId, d.Sku, d.Location)));
    }

    [Fact]
    public void A_short_receipt_raises_a_supplier_short_shipment_naming_the_sku_most_short()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60), ("SKU-B", 40)), T0);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 55, 0), ("SKU-B", 10, 0)), Promise);

        var raised = Assert.Single(Exception(harness, ShortId));
        Assert.True(raised.Raised);
        Assert.Equal((ExceptionCategories.SupplierShortShipment, "PO-1"), (raised.Category, raised.EntityId));
        Assert.Equal((Supplier, Location, "SKU-B"), (raised.SupplierId, raised.Location, raised.Sku));
        Assert.Contains("35 of 100 units short", raised.Detail, StringComparison.Ordinal);
        Assert.Equal(PurchaseOrderStatuses.ReceivedShort, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);
        Assert.Equal(0.65, harness.Latest<PurchaseOrderRow>()["PO-1"].FillRate);

        // The rest may still come: it stays inbound until the order is filled or written off.
        Assert.Equal(5, Inbound(harness, "SKU-A").Sum(d => d.Delta));
        Assert.Equal(30, Inbound(harness, "SKU-B").Sum(d => d.Delta));
    }

    [Fact]
    public void A_later_receipt_that_fills_the_order_resolves_the_short_shipment()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60), ("SKU-B", 40)), T0);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 60, 0), ("SKU-B", 10, 0)), Promise);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-B", 30, 0)), Promise.AddDays(1));

        var entries = Exception(harness, ShortId);
        Assert.Equal([true, false], entries.Select(e => e.Raised));
        Assert.Equal("filled", entries[^1].Resolution);
        Assert.Equal(PurchaseOrderStatuses.Received, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);
        Assert.Equal(0, Inbound(harness, "SKU-B").Sum(d => d.Delta));

        // Lead time is measured to the first receipt, not the one that filled the order.
        Assert.Equal(0, harness.Latest<PurchaseOrderRow>()["PO-1"].DaysLate);
    }

    [Fact]
    public void A_short_order_is_written_off_after_the_expiry_and_leaves_inbound()
    {
        var harness = Harness(new SuppliersOptions { ShortShipmentExpiryDays = 2 });
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60)), T0);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 45, 0)), Promise);

        harness.AdvanceTo(Promise.AddDays(1.9));
        Assert.Equal(PurchaseOrderStatuses.ReceivedShort, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);

        harness.AdvanceTo(Promise.AddDays(2));
        Assert.Equal(PurchaseOrderStatuses.ClosedShort, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);
        Assert.Equal("written_off", Exception(harness, ShortId)[^1].Resolution);
        Assert.Equal([60, -45, -15], Inbound(harness, "SKU-A").Select(d => d.Delta));
    }

    [Fact]
    public void A_receipt_after_the_write_off_counts_in_the_figures_but_not_in_inbound()
    {
        var harness = Harness(new SuppliersOptions { ShortShipmentExpiryDays = 1 });
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60)), T0);
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 45, 0)), Promise);
        harness.AdvanceTo(Promise.AddDays(2));
        harness.Feed("PO-1", Receipt("PO-1", null, ("SKU-A", 10, 0)), Promise.AddDays(3));

        var row = harness.Latest<PurchaseOrderRow>()["PO-1"];
        Assert.Equal((PurchaseOrderStatuses.ClosedShort, 55L), (row.Status, row.ReceivedUnits));
        Assert.Equal(0, Inbound(harness, "SKU-A").Sum(d => d.Delta));
        Assert.Equal(2, Exception(harness, ShortId).Count); // raised once, written off once: the late units reopen nothing
    }

    [Fact]
    public void An_order_never_received_expires_and_leaves_inbound()
    {
        var harness = Harness(new SuppliersOptions { UnreceivedExpiryDays = 10 });
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 60)), T0);
        harness.AdvanceTo(Promise.AddDays(10));

        Assert.Equal(PurchaseOrderStatuses.Expired, harness.Latest<PurchaseOrderRow>()["PO-1"].Status);
        Assert.Equal(0, Inbound(harness, "SKU-A").Sum(d => d.Delta));
        Assert.Empty(harness.State<SupplierScorecardState>(SupplierScorecardFold.FoldName, Supplier).OpenPurchaseOrders);
    }

    [Fact]
    public void Asn_accuracy_compares_each_receipt_with_its_asn_line_by_line()
    {
        var harness = Harness();
        harness.Feed("PO-1", Created("PO-1", Promise, ("SKU-A", 50), ("SKU-B", 50)), T0);
        harness.Feed("PO-1", Asn("PO-1", "ASN-1", Promise, ("SKU-A", 50), ("SKU-B", 50)), T0.AddDays(2));
        // The right total on the wrong lines: 40 of A and 60 of B against 50 and 50 announced.
        harness.Feed("PO-1", Receipt("PO-1", "ASN-1", ("SKU-A", 40, 0), ("SKU-B", 60, 0)), Promise);

        Assert.Equal(90.0 / 110, harness.Latest<PurchaseOrderRow>()["PO-1"].AsnAccuracy!.Value, 4);
    }
}
