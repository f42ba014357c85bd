using CsCheck;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Support;
using static Intelligence.Processors.Tests.Suppliers.PurchaseOrderBuilder;

namespace Intelligence.Processors.Tests.Suppliers;

public sealed class PurchaseOrderInboundProperties
{
    private static readonly DateTimeOffset T0 = FoldHarness.T0;
    private static readonly string[] Skus = ["SKU-A", "SKU-B", "SKU-C", "SKU-D"];

    /// <summary>Ordered units per SKU; receipts as units per SKU (damaged at most the units); whether an ASN comes, and how late.</summary>
    private static readonly Gen<(int[] Ordered, int[][] Receipts, int AsnHours)> Orders =
        Gen.Select(
            Gen.Int[1, 4].SelectMany(lines => Gen.Int[1, 50].Array[lines]),
            Gen.Int[0, 30].Array[4].Array[0, 4],
            Gen.Int[-1, 96]);

    [Fact]
    public void Inbound_deltas_of_a_purchase_order_sum_to_zero_once_it_is_done_whatever_arrives()
    {
        Orders.Sample(order =>
        {
            var (ordered, receipts, asnHours) = order;
            var harness = Harness(new SuppliersOptions { ShortShipmentExpiryDays = 2, UnreceivedExpiryDays = 5 });
            var promise = T0.AddDays(3);
            harness.Feed("PO-1", Created("PO-1", promise, [.. ordered.Select((q, i) => (Skus[i], q))]), T0);
            if (asnHours >= 0)
            {
                harness.Feed("PO-1", Asn("PO-1", "ASN-1", promise.AddHours(asnHours), [.. ordered.Select((q, i) => (Skus[i], q))]), T0.AddDays(1));
            }

            var received = new int[Skus.Length];
            for (var r = 0; r < receipts.Length; r++)
            {
                var lines = receipts[r].Select((q, i) => (Sku: Skus[i], Quantity: q, Damaged: q / 10)).ToArray();
                harness.Feed("PO-1", Receipt("PO-1", asnHours >= 0 ? "ASN-1" : null, lines), promise.AddHours(r * 6));
                for (var i = 0; i < Skus.Length; i++)
                {
                    received[i] += receipts[r][i];
                }

                // While the order is open, what inventory holds inbound is exactly what is still to come.
                var open = harness.Latest<PurchaseOrderRow>()["PO-1"].Status is PurchaseOrderStatuses.ReceivedShort;
                for (var i = 0; i < ordered.Length; i++)
                {
                    var expected = open ? Math.Max(0, ordered[i] - received[i]) : 0;
                    Assert.Equal(expected, Inbound(harness, Skus[i]).Sum(d => d.Delta));
                }
            }

            harness.AdvanceTo(promise.AddDays(30));
            var status = harness.Latest<PurchaseOrderRow>()["PO-1"].Status;
            Assert.Contains(status, new[] { PurchaseOrderStatuses.Received, PurchaseOrderStatuses.ClosedShort, PurchaseOrderStatuses.Expired });
            foreach (var sku in Skus)
            {
                Assert.Equal(0, Inbound(harness, sku).Sum(d => d.Delta));
            }

            Assert.Equal(ordered.Sum(), Skus.SelectMany(s => Inbound(harness, s)).Where(d => d.Delta > 0).Sum(d => d.Delta));
        }, iter: 300);
    }
}
