using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz.Tests.Support;

/// <summary>
/// A topology of the product fold, the purchase-cost router and the listing board, and a seeded
/// stream of product, listing and purchase-order events for it: gaps long enough for channels to go
/// quiet, some events late and out of order, a few listings of the quantity the board refuses.
/// </summary>
public static class ListingScenario
{
    private static readonly string[] Channels = ["webstore", "marketplace-amz", "marketplace-ebay", "stores", "wholesale"];

    public static Topology Topology() => new(
        [new ProductFold(), new SkuListings(), new ChannelBoard(), new QuietLog()],
        [new PurchaseCostRouter(), new ListingRouter()]);

    public static List<RetailEvent> Events(int count, int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<RetailEvent>(count);
        var t = TestEvents.T0;
        for (var i = 1; i <= 4; i++)
        {
            events.Add(Product(Sku(i), t.AddSeconds(i)));
        }

        while (events.Count < count)
        {
            t = t.AddMinutes(random.Next(0, 26));
            var at = random.Next(8) == 0 ? t.AddMinutes(-random.Next(1, 90)) : t;
            var roll = random.Next(100);
            var sku = Sku(random.Next(1, 7));
            if (roll < 75)
            {
                var channel = Channels[random.Next(Channels.Length)];
                events.Add(TestEvents.Of($"{sku}@{channel}", new ListingUpdated
                {
                    Channel = channel, Sku = sku, ListedQuantity = random.Next(0, 21), Price = random.Next(10, 50) + 0.99m,
                }, at));
            }
            else if (roll < 90)
            {
                var po = $"PO-{events.Count}";
                events.Add(TestEvents.Of(po, new PurchaseOrderCreated
                {
                    PoId = po, SupplierId = "SUP-1", Location = "DC-EAST", Currency = "EUR", PromisedAt = at.AddDays(5),
                    Lines = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new PurchaseOrderLine
                    {
                        Sku = Sku(random.Next(1, 7)), Quantity = random.Next(1, 40), UnitCost = random.Next(5, 30) + 0.25m,
                    })],
                }, at));
            }
            else
            {
                events.Add(Product(sku, at));
            }
        }

        return events;
    }

    private static string Sku(int i) => $"SKU-{i:00}";

    private static RetailEvent Product(string sku, DateTimeOffset at) => TestEvents.Of(sku, new ProductUpdated
    {
        Sku = sku, Name = $"Lamp {sku}", Category = sku.EndsWith('1') ? "lighting" : "home", SupplierId = "SUP-1",
        UnitCost = 9.5m, Price = 24.99m, Currency = "EUR",
    }, at);
}
