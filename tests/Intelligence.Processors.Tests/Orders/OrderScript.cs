using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;
using Intelligence.Processors.Inventory;
using Intelligence.Processors.Orders;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Orders;

/// <summary>
/// Tells one order's story to the orders area, a step at a time, each a minute after the last unless
/// <see cref="After"/> says otherwise. Records the signals other areas would receive.
/// </summary>
public sealed class OrderScript
{
    public OrderScript(
        string orderId = "ORD-1", string channel = "webstore", string tier = "standard",
        OrdersOptions? orders = null, ExceptionPolicyOptions? policy = null, FulfillmentOptions? fulfillment = null,
        FoldHarness? harness = null)
    {
        OrderId = orderId;
        Channel = channel;
        Tier = tier;
        Signals = new SignalRecorder(typeof(ReservationReleased), typeof(ReturnsInTransitChanged), typeof(UnitsDelivered), typeof(LineAllocated),
            typeof(LinePicked), typeof(ParcelDispatched), typeof(AllocationReleased));
        Harness = harness ?? new FoldHarness(new Topology(
            [.. OrdersArea.Folds(orders ?? new(), policy ?? new(), fulfillment ?? new()), Signals], OrdersArea.Routers()));
    }

    public string OrderId { get; }
    public string Channel { get; }
    public string Tier { get; }
    public FoldHarness Harness { get; }
    public SignalRecorder Signals { get; }
    public DateTimeOffset Now { get; private set; } = FoldHarness.T0;

    public OrderState Order => Harness.State<OrderState>("orders", OrderId);

    public ExceptionState Exception(string category, string? entity = null) =>
        Harness.State<ExceptionState>("exception-queue", ExceptionRaised.IdOf(category, entity ?? OrderId));

    public OrderScript After(TimeSpan wait)
    {
        Now += wait;
        return this;
    }

    public OrderScript Placed(params (string LineId, string Sku, int Quantity, decimal Price)[] lines) =>
        Feed(new OrderPlaced
        {
            OrderId = OrderId, Channel = Channel, CustomerId = "C-1", CustomerTier = Tier, Currency = "EUR", ShippingCharged = 5m,
            Lines = [.. lines.Select(l => new OrderLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity, UnitPrice = l.Price, Discount = 0m })],
        });

    public OrderScript Held(string reason) => Feed(new OrderHeld { OrderId = OrderId, Reason = reason, Detail = $"held for {reason}" });

    public OrderScript Released(string reason) => Feed(new OrderReleased { OrderId = OrderId, Reason = reason });

    public OrderScript Cancelled(params string[] lineIds) =>
        Feed(new OrderCancelled { OrderId = OrderId, LineIds = lineIds.Length == 0 ? null : lineIds, Reason = "customer_request" });

    public OrderScript Declined() => Feed(Payment<PaymentDeclined>() with { Reason = "do_not_honor" });

    public OrderScript Authorized() => Feed(Payment<PaymentAuthorized>());

    public OrderScript Refunded() => Feed(Payment<PaymentRefunded>() with { RefundId = "RF-1", Reason = "damaged" });

    public OrderScript Allocated(string lineId, string sku, string location, int quantity, int requested) =>
        Feed(new AllocationMade
        {
            OrderId = OrderId, LineId = lineId, Sku = sku, Location = location, Quantity = quantity, RequestedQuantity = requested,
        });

    public OrderScript Picked(string lineId, string sku, string location, int quantity, int shortQuantity = 0) =>
        Feed(new PickCompleted { OrderId = OrderId, LineId = lineId, Sku = sku, Location = location, Quantity = quantity, ShortQuantity = shortQuantity });

    public OrderScript Dispatched(string shipmentId, string location, params (string LineId, string Sku, int Quantity)[] lines) =>
        Feed(new ShipmentDispatched
        {
            ShipmentId = shipmentId, OrderId = OrderId, Location = location, Carrier = "DHL", PromisedBy = FoldHarness.T0.AddDays(3),
            ShippingCost = 4m, Lines = [.. lines.Select(l => new ShipmentLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity })],
        });

    public OrderScript Delayed(string shipmentId) =>
        Feed(new ShipmentDelayed { ShipmentId = shipmentId, OrderId = OrderId, Carrier = "DHL", NewEta = Now.AddDays(2), Reason = "weather" });

    public OrderScript Delivered(string shipmentId) => Feed(new ShipmentDelivered { ShipmentId = shipmentId, OrderId = OrderId });

    public OrderScript ReturnRequested(string returnId, string lineId, string sku, int quantity) =>
        Feed(new ReturnRequested
        {
            ReturnId = returnId, OrderId = OrderId, LineId = lineId, Channel = Channel, Sku = sku, Quantity = quantity, Reason = "damaged",
        });

    public OrderScript ReturnReceived(string returnId, string sku, string location, int quantity, string condition) =>
        Feed(new ReturnReceived { ReturnId = returnId, OrderId = OrderId, Sku = sku, Location = location, Quantity = quantity, Condition = condition });

    private T Payment<T>() where T : PaymentMovement, new() =>
        new() { PaymentId = "PAY-1", OrderId = OrderId, Provider = "stripe", Amount = 10m, Currency = "EUR" };

    private OrderScript Feed(Intelligence.Contracts.IEventPayload payload)
    {
        Harness.Feed(OrderId, payload, Now);
        Now += TimeSpan.FromMinutes(1);
        return this;
    }
}
