using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;

namespace Intelligence.Testing;

/// <summary>A valid payload for every event type, to start tests from.</summary>
public static class SamplePayloads
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    public static IEventPayload For(EventType type) => type.Name switch
    {
        "order.placed" => new OrderPlaced
        {
            OrderId = "O-1", Channel = "webstore", CustomerId = "C-1", CustomerTier = "gold", Currency = "EUR",
            ShippingCharged = 4.95m, ShipTo = new ShipTo { Country = "DE", PostalCode = "10115" },
            Lines = [new OrderLine { LineId = "O-1-1", Sku = "SKU-1", Quantity = 2, UnitPrice = 19.99m, Discount = 0m }],
        },
        "order.cancelled" => new OrderCancelled { OrderId = "O-1", Reason = "customer_request" },
        "order.held" => new OrderHeld { OrderId = "O-1", Reason = "fraud_review" },
        "order.released" => new OrderReleased { OrderId = "O-1", Reason = "fraud_review" },
        "listing.updated" => new ListingUpdated { Channel = "marketplace-amz", Sku = "SKU-1", ListedQuantity = 10, Price = 21m },
        "product.updated" => new ProductUpdated
        {
            Sku = "SKU-1", Name = "Oak Side Table", Category = "home", SupplierId = "SUP-01", UnitCost = 8.5m, Price = 19.99m, Currency = "EUR",
        },
        "promotion.started" => new PromotionStarted
        {
            PromotionId = "P-1", Channel = "marketplace-amz", Skus = ["SKU-1"], DiscountPercent = 30m, EndsAt = Now.AddDays(2),
        },
        "promotion.ended" => new PromotionEnded { PromotionId = "P-1", Channel = "marketplace-amz" },
        "return.requested" => new ReturnRequested
        {
            ReturnId = "R-1", OrderId = "O-1", LineId = "O-1-1", Channel = "webstore", Sku = "SKU-1", Quantity = 1, Reason = "defective",
        },
        "allocation.made" => new AllocationMade
        {
            OrderId = "O-1", LineId = "O-1-1", Sku = "SKU-1", Location = "DC-EAST", Quantity = 2, RequestedQuantity = 2,
        },
        "pick.completed" => new PickCompleted
        {
            OrderId = "O-1", LineId = "O-1-1", Sku = "SKU-1", Location = "DC-EAST", Quantity = 2, ShortQuantity = 0,
        },
        "shipment.dispatched" => new ShipmentDispatched
        {
            ShipmentId = "S-1", OrderId = "O-1", Location = "DC-EAST", Carrier = "dhl", PromisedBy = Now.AddDays(2), ShippingCost = 3.2m,
            Lines = [new ShipmentLine { LineId = "O-1-1", Sku = "SKU-1", Quantity = 2 }],
        },
        "shipment.delivered" => new ShipmentDelivered { ShipmentId = "S-1", OrderId = "O-1" },
        "shipment.delayed" => new ShipmentDelayed { ShipmentId = "S-1", OrderId = "O-1", Carrier = "dhl", NewEta = Now.AddDays(4), Reason = "weather" },
        "return.received" => new ReturnReceived
        {
            ReturnId = "R-1", OrderId = "O-1", Sku = "SKU-1", Location = "DC-EAST", Quantity = 1, Condition = "damaged",
        },
        "stock.received" => new StockReceived { Location = "DC-EAST", Sku = "SKU-1", Quantity = 100 },
        "stock.adjusted" => new StockAdjusted { Location = "DC-EAST", Sku = "SKU-1", Delta = -2, Reason = "damage" },
        "stock.counted" => new StockCounted { Location = "DC-EAST", Sku = "SKU-1", CountedQuantity = 97 },
        "stock.held" => new StockHeld { Location = "DC-EAST", Sku = "SKU-1", Quantity = 5, Reason = "quality_check" },
        "stock.released" => new StockReleased { Location = "DC-EAST", Sku = "SKU-1", Quantity = 5 },
        "transfer.dispatched" => new TransferDispatched
        {
            TransferId = "T-1", FromLocation = "DC-EAST", ToLocation = "STORE-01", Sku = "SKU-1", Quantity = 10, ExpectedAt = Now.AddDays(1),
        },
        "transfer.received" => new TransferReceived
        {
            TransferId = "T-1", FromLocation = "DC-EAST", ToLocation = "STORE-01", Sku = "SKU-1", Quantity = 10,
        },
        "po.created" => new PurchaseOrderCreated
        {
            PoId = "PO-1", SupplierId = "SUP-01", Location = "DC-EAST", Currency = "EUR", PromisedAt = Now.AddDays(14),
            Lines = [new PurchaseOrderLine { Sku = "SKU-1", Quantity = 500, UnitCost = 8.5m }],
        },
        "leadtime.promised" => new LeadTimePromised { SupplierId = "SUP-01", LeadTimeDays = 14 },
        "asn.sent" => new AsnSent
        {
            AsnId = "ASN-1", PoId = "PO-1", SupplierId = "SUP-01", Location = "DC-EAST", ExpectedAt = Now.AddDays(13),
            Lines = [new ShippedLine { Sku = "SKU-1", Quantity = 500 }],
        },
        "po.received" => new PurchaseOrderReceived
        {
            PoId = "PO-1", AsnId = "ASN-1", SupplierId = "SUP-01", Location = "DC-EAST",
            Lines = [new ReceivedLine { Sku = "SKU-1", Quantity = 480, Damaged = 3 }],
        },
        "payment.authorized" => new PaymentAuthorized { PaymentId = "PAY-1", OrderId = "O-1", Provider = "stripe", Amount = 44.93m, Currency = "EUR" },
        "payment.declined" => new PaymentDeclined
        {
            PaymentId = "PAY-1", OrderId = "O-1", Provider = "stripe", Amount = 44.93m, Currency = "EUR", Reason = "insufficient_funds",
        },
        "payment.captured" => new PaymentCaptured { PaymentId = "PAY-1", OrderId = "O-1", Provider = "stripe", Amount = 44.93m, Currency = "EUR" },
        "payment.refunded" => new PaymentRefunded
        {
            PaymentId = "PAY-1", OrderId = "O-1", Provider = "stripe", Amount = 19.99m, Currency = "EUR", RefundId = "RF-1", Reason = "return",
        },
        "payment.chargeback" => new PaymentChargeback
        {
            PaymentId = "PAY-1", OrderId = "O-1", Provider = "stripe", Amount = 44.93m, Currency = "EUR", ChargebackId = "CB-1", Reason = "fraud",
        },
        "settlement.reported" => new SettlementReported
        {
            SettlementId = "ST-1", Provider = "marketplace-amz", Currency = "EUR", PeriodStart = Now.AddDays(-7), PeriodEnd = Now,
            Lines = [new SettlementLine { OrderId = "O-1", Kind = "sale", Amount = 44.93m, Fee = 6.74m }],
        },
        "payout.paid" => new PayoutPaid { PayoutId = "PO-9", SettlementId = "ST-1", Provider = "marketplace-amz", Amount = 38.19m, Currency = "EUR" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Add a sample payload for the new event type."),
    };
}
