using System.Text.Json;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;

namespace Intelligence.Simulator.Tests;

/// <summary>The product master (PIM) says every SKU's product line, supplier, cost and price before anything else names the SKU.</summary>
public class ProductMasterTests
{
    public static TheoryData<bool> CleanAndBusy => [false, true];

    private static ObservedRun Run(bool busy) => busy ? ObservedRun.Busy(50_000) : ObservedRun.Clean(50_000);

    [Theory]
    [MemberData(nameof(CleanAndBusy))]
    public void Every_sku_gets_its_product_record_before_any_other_event_names_it(bool busy)
    {
        var run = Run(busy);
        var described = new HashSet<string>(StringComparer.Ordinal);
        var named = 0;
        foreach (var input in run.Inputs.Where(i => i.Event is not null && i.Kind != InputKind.Duplicate))
        {
            if (input.Event!.Payload is ProductUpdated product)
            {
                described.Add(product.Sku!);
                continue;
            }

            foreach (var sku in SkusNamedIn(input.Json))
            {
                named++;
                Assert.True(described.Contains(sku), $"{input.Event.Type} {input.Event.Id} named {sku} before its product record");
            }
        }

        Assert.Equal(run.Simulator.Catalogue.Skus.Select(s => s.Id).Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.True(named > 10_000, $"only {named} SKU mentions were checked");
    }

    [Fact]
    public void The_opening_records_come_first_keyed_by_sku_from_the_pim_and_match_the_catalogue()
    {
        var run = ObservedRun.Clean(50_000);
        var catalogue = run.Simulator.Catalogue.Skus;
        var opening = run.World.Take(catalogue.Count).ToList();

        Assert.All(opening, e =>
        {
            Assert.Equal(EventTypes.ProductUpdated, e.Type);
            Assert.Equal("pim", e.Source);
            Assert.Equal(run.Start, e.OccurredAt);
        });
        Assert.All(opening.Zip(catalogue), pair =>
        {
            var (e, sku) = pair;
            var product = (ProductUpdated)e.Payload;
            Assert.Equal(sku.Id, e.Key);
            Assert.Equal(
                (sku.Id, sku.Name, sku.Category, sku.SupplierId, sku.UnitCost, sku.Price, "EUR"),
                (product.Sku, product.Name, product.Category, product.SupplierId, product.UnitCost!.Value, product.Price!.Value, product.Currency));
        });
        Assert.NotEqual(EventTypes.ProductUpdated, run.World[catalogue.Count].Type);
    }

    [Fact]
    public void A_price_review_sends_the_new_list_price_that_the_webstore_then_shows()
    {
        var run = ObservedRun.Clean(50_000);
        var catalogue = run.Simulator.Catalogue.Skus.ToDictionary(s => s.Id);
        var reviewed = run.Events<ProductUpdated>().Where(p => p.Event.OccurredAt > run.Start).ToList();
        var webstore = run.Events<ListingUpdated>().Where(l => l.Payload.Channel == "webstore")
            .GroupBy(l => (l.Payload.Sku!, l.Event.OccurredAt))
            .ToDictionary(g => g.Key, g => g.Last().Payload.Price);
        var lastPrice = catalogue.ToDictionary(s => s.Key, s => s.Value.Price);

        // Each review reprices one SKU in a hundred; a change that rounds back to the old price is not sent.
        Assert.NotEmpty(reviewed);
        Assert.All(reviewed.GroupBy(r => r.Event.OccurredAt), review => Assert.InRange(review.Count(), 1, catalogue.Count / 100));
        foreach (var (e, product) in reviewed)
        {
            var sku = catalogue[product.Sku!];
            Assert.Equal((DayOfWeek.Monday, 7, 0), (e.OccurredAt.DayOfWeek, e.OccurredAt.Hour, e.OccurredAt.Minute));
            Assert.Equal((sku.Name, sku.Category, sku.SupplierId, sku.UnitCost), (product.Name, product.Category, product.SupplierId, product.UnitCost!.Value));
            Assert.NotEqual(lastPrice[sku.Id], product.Price);
            lastPrice[sku.Id] = product.Price!.Value;
        }

        Assert.All(reviewed.GroupBy(r => (r.Payload.Sku!, r.Event.OccurredAt)), g => Assert.Equal(g.Last().Payload.Price, webstore[g.Key]));
    }

    [Fact]
    public void The_product_master_counts_toward_the_inputs_asked_for()
    {
        var options = new SimulationOptions { Events = 1_500, Skus = 2_000 };

        var inputs = new RetailSimulator(options).Generate().ToList();

        Assert.Equal(1_500, inputs.Count);
        Assert.All(inputs, i => Assert.Contains("\"type\":\"product.updated\"", System.Text.Encoding.UTF8.GetString(i.Json), StringComparison.Ordinal));
    }

    /// <summary>Every SKU an event names, wherever it sits in the payload (<c>sku</c>, or a promotion's <c>skus</c>).</summary>
    private static List<string> SkusNamedIn(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<string>();
        Collect(document.RootElement.GetProperty("payload"), found);
        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "sku" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(property.Value.GetString()!);
                    }
                    else if (property.Name == "skus")
                    {
                        found.AddRange(property.Value.EnumerateArray().Select(s => s.GetString()!));
                    }
                    else
                    {
                        Collect(property.Value, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
