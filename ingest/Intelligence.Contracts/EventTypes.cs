using System.Collections.Frozen;

namespace Intelligence.Contracts;

/// <summary>Every event type the pipeline accepts, by family. The single place a new type is declared.</summary>
public static class EventTypes
{
    private static readonly ContractsJson Json = ContractsJson.Default;

    // Channel
    public static readonly EventType OrderPlaced = new("order.placed", EventFamily.Channel, Json.OrderPlaced, 1);
    public static readonly EventType OrderCancelled = new("order.cancelled", EventFamily.Channel, Json.OrderCancelled, 1);
    public static readonly EventType OrderHeld = new("order.held", EventFamily.Channel, Json.OrderHeld, 1);
    public static readonly EventType OrderReleased = new("order.released", EventFamily.Channel, Json.OrderReleased, 1);
    public static readonly EventType ListingUpdated = new("listing.updated", EventFamily.Channel, Json.ListingUpdated, 1);
    public static readonly EventType ProductUpdated = new("product.updated", EventFamily.Channel, Json.ProductUpdated, 1);
    public static readonly EventType PromotionStarted = new("promotion.started", EventFamily.Channel, Json.PromotionStarted, 1);
    public static readonly EventType PromotionEnded = new("promotion.ended", EventFamily.Channel, Json.PromotionEnded, 1);
    public static readonly EventType ReturnRequested = new("return.requested", EventFamily.Channel, Json.ReturnRequested, 1);

    // Warehouse
    public static readonly EventType AllocationMade = new("allocation.made", EventFamily.Warehouse, Json.AllocationMade, 1);
    public static readonly EventType PickCompleted = new("pick.completed", EventFamily.Warehouse, Json.PickCompleted, 1);
    public static readonly EventType ShipmentDispatched = new("shipment.dispatched", EventFamily.Warehouse, Json.ShipmentDispatched, 1);
    public static readonly EventType ShipmentDelivered = new("shipment.delivered", EventFamily.Warehouse, Json.ShipmentDelivered, 1);
    public static readonly EventType ShipmentDelayed = new("shipment.delayed", EventFamily.Warehouse, Json.ShipmentDelayed, 1);
    public static readonly EventType ReturnReceived = new("return.received", EventFamily.Warehouse, Json.ReturnReceived, 1);
    public static readonly EventType StockReceived = new("stock.received", EventFamily.Warehouse, Json.StockReceived, 1);
    public static readonly EventType StockAdjusted = new("stock.adjusted", EventFamily.Warehouse, Json.StockAdjusted, 1);
    public static readonly EventType StockCounted = new("stock.counted", EventFamily.Warehouse, Json.StockCounted, 1);
    public static readonly EventType StockHeld = new("stock.held", EventFamily.Warehouse, Json.StockHeld, 1);
    public static readonly EventType StockReleased = new("stock.released", EventFamily.Warehouse, Json.StockReleased, 1);
    public static readonly EventType TransferDispatched = new("transfer.dispatched", EventFamily.Warehouse, Json.TransferDispatched, 1);
    public static readonly EventType TransferReceived = new("transfer.received", EventFamily.Warehouse, Json.TransferReceived, 1);

    // Supplier
    public static readonly EventType PurchaseOrderCreated = new("po.created", EventFamily.Supplier, Json.PurchaseOrderCreated, 1);
    public static readonly EventType LeadTimePromised = new("leadtime.promised", EventFamily.Supplier, Json.LeadTimePromised, 1);
    public static readonly EventType AsnSent = new("asn.sent", EventFamily.Supplier, Json.AsnSent, 1);
    public static readonly EventType PurchaseOrderReceived = new("po.received", EventFamily.Supplier, Json.PurchaseOrderReceived, 1);

    // Payment
    public static readonly EventType PaymentAuthorized = new("payment.authorized", EventFamily.Payment, Json.PaymentAuthorized, 1);
    public static readonly EventType PaymentDeclined = new("payment.declined", EventFamily.Payment, Json.PaymentDeclined, 1);
    public static readonly EventType PaymentCaptured = new("payment.captured", EventFamily.Payment, Json.PaymentCaptured, 1);
    public static readonly EventType PaymentRefunded = new("payment.refunded", EventFamily.Payment, Json.PaymentRefunded, 1);
    public static readonly EventType PaymentChargeback = new("payment.chargeback", EventFamily.Payment, Json.PaymentChargeback, 1);
    public static readonly EventType SettlementReported = new("settlement.reported", EventFamily.Payment, Json.SettlementReported, 1);
    public static readonly EventType PayoutPaid = new("payout.paid", EventFamily.Payment, Json.PayoutPaid, 1);

    public static readonly IReadOnlyList<EventType> All =
    [
        OrderPlaced, OrderCancelled, OrderHeld, OrderReleased, ListingUpdated, ProductUpdated, PromotionStarted, PromotionEnded,
        ReturnRequested, AllocationMade, PickCompleted, ShipmentDispatched, ShipmentDelivered, ShipmentDelayed,
        ReturnReceived, StockReceived, StockAdjusted, StockCounted, StockHeld, StockReleased, TransferDispatched,
        TransferReceived, PurchaseOrderCreated, LeadTimePromised, AsnSent, PurchaseOrderReceived, PaymentAuthorized,
        PaymentDeclined, PaymentCaptured, PaymentRefunded, PaymentChargeback, SettlementReported, PayoutPaid,
    ];

    private static readonly FrozenDictionary<string, EventType> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static bool TryFind(string name, out EventType type) => ByName.TryGetValue(name, out type!);
}
