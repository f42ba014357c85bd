using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>
/// The inventory folds and router with a stand-in exception queue, fed by one-line builders of the
/// events that move stock. Times are minutes after <see cref="FoldHarness.T0"/>. Signals that other
/// areas' folds send (reservation released, inbound, returns in transit) are injected as they would arrive.
/// </summary>
public sealed class InventoryRun
{
    public const string Sku = "SKU-1";

    public InventoryRun(InventoryOptions? options = null)
    {
        Options = options ?? new InventoryOptions();
        Harness = new FoldHarness(new Topology([.. InventoryArea.Folds(Options), Exceptions], [.. InventoryArea.Routers(), new Injector()]));
    }

    public InventoryOptions Options { get; }

    public FoldHarness Harness { get; }

    public ExceptionLog Exceptions { get; } = new();

    public static DateTimeOffset At(double minutes) => FoldHarness.T0.AddMinutes(minutes);

    public StockPosition Position(string location, string sku = Sku) => Harness.State<StockPosition>("stock-positions", StockKeys.Of(sku, location));

    public StockPositionRow Row(string location, string sku = Sku) => Harness.Latest<StockPositionRow>()[StockKeys.Of(sku, location)];

    public ChannelAtsRow Channel(string channel, string sku = Sku) => Harness.Latest<ChannelAtsRow>()[$"{sku}@{channel}"];

    public ExceptionLog.Entry? Exception(string category, string entity) =>
        Harness.Engine.Store("exception-log").TryGetValue($"{category}:{entity}", out var e) ? (ExceptionLog.Entry)e : null;

    public InventoryRun Receive(string location, int quantity, double minute, string sku = Sku) =>
        Stock(new StockReceived { Location = location, Sku = sku, Quantity = quantity }, sku, location, minute);

    public InventoryRun Adjust(string location, int delta, double minute, string sku = Sku) =>
        Stock(new StockAdjusted { Location = location, Sku = sku, Delta = delta, Reason = delta < 0 ? "shrinkage" : "found" }, sku, location, minute);

    public InventoryRun Count(string location, int counted, double minute, string sku = Sku) =>
        Stock(new StockCounted { Location = location, Sku = sku, CountedQuantity = counted }, sku, location, minute);

    public InventoryRun Hold(string location, int quantity, double minute, string sku = Sku) =>
        Stock(new StockHeld { Location = location, Sku = sku, Quantity = quantity, Reason = "quality_inspection" }, sku, location, minute);

    public InventoryRun ReleaseHold(string location, int quantity, double minute, string sku = Sku) =>
        Stock(new StockReleased { Location = location, Sku = sku, Quantity = quantity }, sku, location, minute);

    public InventoryRun Allocate(string order, string location, int quantity, double minute, string sku = Sku) =>
        Feed(order, new AllocationMade
        {
            OrderId = order, LineId = "L1", Sku = sku, Location = location, Quantity = quantity, RequestedQuantity = Math.Max(1, quantity),
        }, minute);

    public InventoryRun Pick(string order, string location, int quantity, double minute, int shortQuantity = 0, string sku = Sku) =>
        Feed(order, new PickCompleted
        {
            OrderId = order, LineId = "L1", Sku = sku, Location = location, Quantity = quantity, ShortQuantity = shortQuantity,
        }, minute);

    public InventoryRun Return(string order, string location, int quantity, string condition, double minute, string sku = Sku) =>
        Feed(order, new ReturnReceived
        {
            ReturnId = $"R-{order}", OrderId = order, Sku = sku, Location = location, Quantity = quantity, Condition = condition,
        }, minute);

    public InventoryRun Dispatch(string transfer, string from, string to, int quantity, double minute, double expectedMinute, string sku = Sku) =>
        Feed(transfer, new TransferDispatched
        {
            TransferId = transfer, FromLocation = from, ToLocation = to, Sku = sku, Quantity = quantity, ExpectedAt = At(expectedMinute),
        }, minute);

    public InventoryRun Arrive(string transfer, string from, string to, int quantity, double minute, string sku = Sku) =>
        Feed(transfer, new TransferReceived { TransferId = transfer, FromLocation = from, ToLocation = to, Sku = sku, Quantity = quantity }, minute);

    public InventoryRun ReceivePo(string po, string location, double minute, params (string Sku, int Quantity, int Damaged)[] lines) =>
        Feed(po, new PurchaseOrderReceived
        {
            PoId = po, SupplierId = "SUP-1", Location = location,
            Lines = [.. lines.Select(l => new ReceivedLine { Sku = l.Sku, Quantity = l.Quantity, Damaged = l.Damaged })],
        }, minute);

    public InventoryRun Order(string order, string channel, double minute, string? promotion = null, int quantity = 1, string sku = Sku) =>
        Feed(order, new OrderPlaced
        {
            OrderId = order, Channel = channel, CustomerId = "C-1", CustomerTier = "standard", Currency = "EUR", PromotionId = promotion,
            ShippingCharged = 0m, ShipTo = new ShipTo { Country = "DE", PostalCode = "10115" },
            Lines = [new OrderLine { LineId = "L1", Sku = sku, Quantity = quantity, UnitPrice = 10m, Discount = 0m }],
        }, minute);

    public InventoryRun Listing(string channel, int listed, double minute, string sku = Sku) =>
        Feed($"{sku}@{channel}", new ListingUpdated { Channel = channel, Sku = sku, ListedQuantity = listed, Price = 10m }, minute);

    /// <summary>A signal another area's fold sends, arriving as if caused by an event at <paramref name="minute"/>.</summary>
    public InventoryRun Signal(string key, ISignal signal, double minute)
    {
        var type = EventTypes.OrderCancelled;
        Harness.Feed(new RetailEvent($"evt-inject-{Guid.NewGuid():N}", type, "test", At(minute), 1, key, new Injected(signal), "{}"));
        return this;
    }

    public InventoryRun AdvanceTo(double minute)
    {
        Harness.AdvanceTo(At(minute));
        return this;
    }

    private InventoryRun Stock(IEventPayload payload, string sku, string location, double minute) =>
        Feed(StockKeys.Of(sku, location), payload, minute);

    private InventoryRun Feed(string key, IEventPayload payload, double minute)
    {
        Harness.Feed(key, payload, At(minute));
        return this;
    }

    /// <summary>Carries a signal in as if it were an event, for <see cref="Injector"/> to send on.</summary>
    private sealed record Injected(ISignal Signal) : IEventPayload
    {
        public void Validate(Intelligence.Contracts.Validation.PayloadCheck check)
        {
        }
    }

    private sealed class Injector : IRouter
    {
        public IReadOnlyCollection<Type> Consumes { get; } = [typeof(Injected)];

        public void Route(RetailEvent e, IOutputs outputs) => outputs.Send(e.Key, ((Injected)e.Payload).Signal);
    }
}
