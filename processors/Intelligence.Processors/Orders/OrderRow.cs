using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Orders;

/// <summary>A row of <c>orders</c>: one order's header, status and units at each stage.</summary>
public sealed record OrderRow(
    string OrderId, string Channel, string CustomerTier, string? PromotionId, decimal OrderValue, string Status,
    string? PaymentStatus, DateTimeOffset PlacedAt, long UnitsOrdered, long UnitsAllocated, long UnitsShipped,
    long UnitsDelivered, long UnitsReturned, long UnitsCancelled, long Shipments, DateTimeOffset? PromisedBy,
    DateTimeOffset? DeliveredAt, bool? OnTime, DateTimeOffset UpdatedAt) : StateRow
{
    public const string TableName = "orders";

    public override string Table => TableName;

    public override string RowKey => OrderId;
}
