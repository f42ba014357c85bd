using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class InventoryRouterTests
{
    [Fact]
    public void Events_keyed_by_order_po_or_transfer_reach_the_stock_of_their_sku_and_location()
    {
        var sent = Route("T-9", new TransferDispatched
        {
            TransferId = "T-9", FromLocation = "DC-EAST", ToLocation = "STORE-03", Sku = "SKU-7", Quantity = 4,
            ExpectedAt = FoldHarness.T0.AddDays(1),
        });
        sent.AddRange(Route("PO-1", new PurchaseOrderReceived
        {
            PoId = "PO-1", SupplierId = "SUP-1", Location = "DC-WEST",
            Lines = [new ReceivedLine { Sku = "SKU-7", Quantity = 10, Damaged = 3 }, new ReceivedLine { Sku = "SKU-8", Quantity = 2, Damaged = 0 }],
        }));
        sent.AddRange(Route("O-1", new PickCompleted
        {
            OrderId = "O-1", LineId = "L1", Sku = "SKU-7", Location = "DC-WEST", Quantity = 1, ShortQuantity = 1,
        }));

        Assert.Equal(
            [
                "SKU-7@DC-EAST transfer_out 4", "SKU-7@STORE-03 transfer_expected 4",
                "SKU-7@DC-WEST po_received 7", "SKU-8@DC-WEST po_received 2", "SKU-7@DC-WEST picked 1",
            ],
            sent.Select(s => $"{s.Key} {((StockMoved)s.Signal).Kind} {((StockMoved)s.Signal).Quantity}"));
        Assert.Equal(FoldHarness.T0.AddDays(1), ((StockMoved)sent[1].Signal).ExpectedAt);
        Assert.Equal(1, ((StockMoved)sent[4].Signal).ShortQuantity);
    }

    [Fact]
    public void A_damaged_return_moves_no_stock()
    {
        Assert.Empty(Route("O-1", new ReturnReceived
        {
            ReturnId = "R-1", OrderId = "O-1", Sku = "SKU-7", Location = "DC-EAST", Quantity = 1, Condition = "damaged",
        }));
    }

    [Fact]
    public void Order_lines_and_listings_go_to_the_sku()
    {
        var sent = Route("O-1", new OrderPlaced
        {
            OrderId = "O-1", Channel = "marketplace-ebay", CustomerId = "C-1", CustomerTier = "gold", Currency = "EUR", PromotionId = "P-1",
            ShippingCharged = 0m, ShipTo = new ShipTo { Country = "DE", PostalCode = "10115" },
            Lines =
            [
                new OrderLine { LineId = "L1", Sku = "SKU-7", Quantity = 2, UnitPrice = 5m, Discount = 0m },
                new OrderLine { LineId = "L2", Sku = "SKU-8", Quantity = 1, UnitPrice = 5m, Discount = 0m },
            ],
        });
        sent.AddRange(Route("SKU-7@webstore", new ListingUpdated { Channel = "webstore", Sku = "SKU-7", ListedQuantity = 3, Price = 9m }));

        Assert.Equal(
            [
                ("SKU-7", (ISignal)new ChannelDemand("SKU-7", "marketplace-ebay", 2, "P-1")),
                ("SKU-8", new ChannelDemand("SKU-8", "marketplace-ebay", 1, "P-1")),
                ("SKU-7", new ListingReported("SKU-7", "webstore", 3)),
            ],
            sent);
    }

    private static List<(string Key, ISignal Signal)> Route(string key, IEventPayload payload)
    {
        var type = EventTypes.All.Single(t => t.Payload.Type == payload.GetType());
        var outputs = new Captured();
        new InventoryRouter().Route(new RetailEvent("evt-1", type, "test", FoldHarness.T0, 1, key, payload, "{}"), outputs);
        return outputs.Sent;
    }

    private sealed class Captured : IOutputs
    {
        public List<(string Key, ISignal Signal)> Sent { get; } = [];

        public void Send(string key, ISignal signal) => Sent.Add((key, signal));

        public void Write(OutputRow row) => throw new InvalidOperationException("A router writes no rows.");
    }
}
