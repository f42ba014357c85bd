using Intelligence.Contracts.Supplier;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Suppliers;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Suppliers;

/// <summary>Test data for purchase orders: a harness with the suppliers area and stand-ins for inventory and the exception queue, and payload builders.</summary>
public static class PurchaseOrderBuilder
{
    public const string Supplier = "SUP-1";
    public const string Location = "DC-EAST";

    public static FoldHarness Harness(SuppliersOptions? options = null) =>
        new(new Topology([.. SuppliersArea.Folds(options ?? new SuppliersOptions()), new InboundLog(), new ExceptionLog()], SuppliersArea.Routers()));

    public static PurchaseOrderCreated Created(string poId, DateTimeOffset promisedAt, params (string Sku, int Quantity)[] lines) => new()
    {
        PoId = poId, SupplierId = Supplier, Location = Location, Currency = "EUR", PromisedAt = promisedAt,
        Lines = [.. lines.Select(l => new PurchaseOrderLine { Sku = l.Sku, Quantity = l.Quantity, UnitCost = 4.5m })],
    };

    public static AsnSent Asn(string poId, string asnId, DateTimeOffset expectedAt, params (string Sku, int Quantity)[] lines) => new()
    {
        AsnId = asnId, PoId = poId, SupplierId = Supplier, Location = Location, ExpectedAt = expectedAt,
        Lines = [.. lines.Select(l => new ShippedLine { Sku = l.Sku, Quantity = l.Quantity })],
    };

    public static PurchaseOrderReceived Receipt(string poId, string? asnId, params (string Sku, int Quantity, int Damaged)[] lines) => new()
    {
        PoId = poId, AsnId = asnId, SupplierId = Supplier, Location = Location,
        Lines = [.. lines.Select(l => new ReceivedLine { Sku = l.Sku, Quantity = l.Quantity, Damaged = l.Damaged })],
    };

    /// <summary>The inbound deltas sent for one SKU at the test location.</summary>
    public static List<Intelligence.Processors.Inventory.InboundChanged> Inbound(FoldHarness harness, string sku) =>
        harness.Engine.Store(InboundLog.FoldName).TryGetValue($"{sku}@{Location}", out var state) ? ((InboundLog.Deltas)state).Seen : [];

    public static List<ExceptionLog.Entry> Exception(FoldHarness harness, string id) =>
        ExceptionLog.Read(harness).TryGetValue(id, out var entries) ? entries : [];
}
