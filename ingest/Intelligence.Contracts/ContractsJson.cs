using System.Text.Json;
using System.Text.Json.Serialization;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;

namespace Intelligence.Contracts;

/// <summary>
/// Source-generated JSON for every contract. Strict on purpose: numbers are not read from strings
/// and a field the contract does not know is an error (a producer that adds fields bumps the
/// schema version). A field named twice is an error too: readers that keep the first copy and
/// readers that keep the last would see different events. Times must say their offset.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = EventReaderOptions.MaxJsonDepth,
    AllowDuplicateProperties = false,
    Converters = [typeof(ExplicitOffsetTime)])]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(OrderCancelled))]
[JsonSerializable(typeof(OrderHeld))]
[JsonSerializable(typeof(OrderReleased))]
[JsonSerializable(typeof(ListingUpdated))]
[JsonSerializable(typeof(ProductUpdated))]
[JsonSerializable(typeof(PromotionStarted))]
[JsonSerializable(typeof(PromotionEnded))]
[JsonSerializable(typeof(ReturnRequested))]
[JsonSerializable(typeof(AllocationMade))]
[JsonSerializable(typeof(PickCompleted))]
[JsonSerializable(typeof(ShipmentDispatched))]
[JsonSerializable(typeof(ShipmentDelivered))]
[JsonSerializable(typeof(ShipmentDelayed))]
[JsonSerializable(typeof(ReturnReceived))]
[JsonSerializable(typeof(StockReceived))]
[JsonSerializable(typeof(StockAdjusted))]
[JsonSerializable(typeof(StockCounted))]
[JsonSerializable(typeof(StockHeld))]
[JsonSerializable(typeof(StockReleased))]
[JsonSerializable(typeof(TransferDispatched))]
[JsonSerializable(typeof(TransferReceived))]
[JsonSerializable(typeof(PurchaseOrderCreated))]
[JsonSerializable(typeof(LeadTimePromised))]
[JsonSerializable(typeof(AsnSent))]
[JsonSerializable(typeof(PurchaseOrderReceived))]
[JsonSerializable(typeof(PaymentAuthorized))]
[JsonSerializable(typeof(PaymentDeclined))]
[JsonSerializable(typeof(PaymentCaptured))]
[JsonSerializable(typeof(PaymentRefunded))]
[JsonSerializable(typeof(PaymentChargeback))]
[JsonSerializable(typeof(SettlementReported))]
[JsonSerializable(typeof(PayoutPaid))]
public sealed partial class ContractsJson : JsonSerializerContext;
