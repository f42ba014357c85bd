using System.Text.Json;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.EndToEnd;

/// <summary>
/// Replaying the same events with partitions interleaved differently (order within a key kept) ends
/// in the same figures. What is compared is what must not depend on the order across keys: stock
/// components, order lifecycles, money per order and per SKU x channel x promotion, purchase-order
/// receipts, and which order exceptions are open. Figures that honestly depend on when stream time
/// passed a deadline (SLA escalations, grace-timed alerts, rates) are not compared.
/// </summary>
public sealed class InterleavingTests
{
    private static readonly Lazy<List<Intelligence.Contracts.RetailEvent>> Events =
        new(() => SimulatedEvents.Generate(40_000, scenarios: true, badInput: true, seed: 9));

    private static readonly (string Fold, string[] Figures)[] Compared =
    [
        ("stock-positions", ["OnHand", "Reserved", "QualityHold", "ReturnsInTransit"]),
        ("orders", ["Status", "OrderValue", "Cancelled", "DeliveredAt"]),
        ("order-payments", ["Captured", "OrderValue", "Authorized"]),
        ("margin", ["Units", "Revenue", "Discount", "Fees", "ShippingCharged"]),
        ("purchase-orders", ["SupplierId", "Location", "FirstReceivedAt", "LastReceivedAt"]),
        ("settlements", []),
    ];

    [Theory]
    [InlineData(8, 1)]
    [InlineData(3, 2)]
    public void Partitions_interleaved_differently_end_in_the_same_figures(int partitions, int seed)
    {
        var inOrder = DeterminismTests.Run(Events.Value);
        var shuffled = Interleaving.Shuffle(Events.Value, partitions, seed);
        Assert.NotEqual(Events.Value.Select(e => e.Id), shuffled.Select(e => e.Id));

        var interleaved = DeterminismTests.Run(shuffled);

        foreach (var (fold, figures) in Compared)
        {
            var expected = Figures(inOrder.Engine, fold, figures);
            var actual = Figures(interleaved.Engine, fold, figures);
            Assert.True(expected.Count > 0, $"{fold} is empty");
            var wrong = expected.Keys.Union(actual.Keys)
                .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
                .Take(5).Select(k => $"{k}: {expected.GetValueOrDefault(k)} vs {actual.GetValueOrDefault(k)}").ToList();
            Assert.True(wrong.Count == 0, $"{fold}: {string.Join("; ", wrong)}");
        }

        Assert.Equal(OpenOrderExceptions(inOrder.Engine), OpenOrderExceptions(interleaved.Engine));
    }

    private static Dictionary<string, string> Figures(FoldEngine engine, string fold, string[] names)
    {
        var type = engine.Topology.Fold(fold).StateType;
        return engine.Store(fold).ToDictionary(kv => kv.Key, kv =>
        {
            var json = JsonSerializer.SerializeToElement(kv.Value, type);
            return names.Length == 0 ? json.GetRawText() : string.Join("|", names.Select(n => json.GetProperty(n).GetRawText()));
        });
    }

    private static List<string> OpenOrderExceptions(FoldEngine engine)
    {
        string[] orderCategories = ["payment_hold", "address_validation", "fraud_review", "partial_allocation", "backorder",
            "split_shipment", "carrier_delay", "damaged_return"];
        return Figures(engine, "exception-queue", ["Category", "Status"])
            .Where(kv => orderCategories.Any(c => kv.Value.Contains($"\"{c}\"", StringComparison.Ordinal)) && kv.Value.Contains("\"open\"", StringComparison.Ordinal))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }
}
