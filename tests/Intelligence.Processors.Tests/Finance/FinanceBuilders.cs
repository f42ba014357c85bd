using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Finance;

/// <summary>Builders for an order's events and a harness of the finance folds with recorders for what they send.</summary>
public static class FinanceBuilders
{
    public static DateTimeOffset T0 => FoldHarness.T0;

    public static OrderLine Line(string lineId, string sku, int quantity, decimal unitPrice, decimal discount = 0m) =>
        new() { LineId = lineId, Sku = sku, Quantity = quantity, UnitPrice = unitPrice, Discount = discount };

    public static OrderPlaced Placed(string orderId, string channel, decimal shipping, string? promotion, params OrderLine[] lines) => new()
    {
        OrderId = orderId, Channel = channel, CustomerId = "C-1", CustomerTier = "standard", Currency = "EUR", PromotionId = promotion,
        ShippingCharged = shipping, ShipTo = new ShipTo { Country = "DE", PostalCode = "10115" }, Lines = lines,
    };

    public static ShipmentDispatched Shipment(string orderId, string shipmentId, decimal cost, params (string LineId, string Sku, int Quantity)[] lines) => new()
    {
        ShipmentId = shipmentId, OrderId = orderId, Location = "DC-1", Carrier = "dhl", PromisedBy = T0.AddDays(3), ShippingCost = cost,
        Lines = [.. lines.Select(l => new ShipmentLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity })],
    };

    public static PaymentCaptured Captured(string orderId, decimal amount, string provider = "stripe") =>
        new() { PaymentId = $"PAY-{orderId}", OrderId = orderId, Provider = provider, Amount = amount, Currency = "EUR" };

    public static PaymentRefunded Refunded(string orderId, decimal amount, string provider = "stripe") => new()
    {
        PaymentId = $"PAY-{orderId}", OrderId = orderId, Provider = provider, Amount = amount, Currency = "EUR",
        RefundId = $"RF-{orderId}-{amount}", Reason = "damaged",
    };

    public static PaymentChargeback Chargeback(string orderId, decimal amount, string provider = "stripe") => new()
    {
        PaymentId = $"PAY-{orderId}", OrderId = orderId, Provider = provider, Amount = amount, Currency = "EUR",
        ChargebackId = $"CB-{orderId}", Reason = "fraudulent",
    };

    public static ReturnRequested ReturnOf(string orderId, string returnId, string lineId, string sku, int quantity) => new()
    {
        ReturnId = returnId, OrderId = orderId, LineId = lineId, Channel = "webstore", Sku = sku, Quantity = quantity, Reason = "damaged",
    };

    public static ReturnReceived Received(string orderId, string returnId, string sku, int quantity, string condition) => new()
    {
        ReturnId = returnId, OrderId = orderId, Sku = sku, Location = "DC-1", Quantity = quantity, Condition = condition,
    };

    public static SettlementLine SettlementLine(string orderId, string kind, decimal amount, decimal fee = 0m) =>
        new() { OrderId = orderId, Kind = kind, Amount = amount, Fee = fee };

    public static SettlementReported Statement(string settlementId, string provider, DateTimeOffset periodEnd, params SettlementLine[] lines) => new()
    {
        SettlementId = settlementId, Provider = provider, Currency = "EUR", PeriodStart = periodEnd.AddDays(-1), PeriodEnd = periodEnd, Lines = lines,
    };

    /// <summary>The finance folds and router, with recorders for the ledger entries and exceptions they send.</summary>
    public static FoldHarness Harness(FinanceOptions? options = null) =>
        new(new Topology([.. FinanceArea.Folds(options ?? new FinanceOptions()), new LedgerRecorder(), new ExceptionRecorder()],
            FinanceArea.Routers()));

    /// <summary>Every ledger entry sent so far, in the order sent.</summary>
    public static List<SalesLedgerEntry> Ledger(this FoldHarness harness) =>
        [.. harness.Engine.Store("ledger-recorder").Values.Cast<LedgerRecorder.Book>().SelectMany(b => b.Entries).OrderBy(e => e.Order).Select(e => e.Entry)];

    public static decimal Sum(this IEnumerable<SalesLedgerEntry> entries, string kind) => entries.Where(e => e.Kind == kind).Sum(e => e.Amount);

    /// <summary>What the exception queue was told about an order, as <c>raised</c> / <c>resolved:&lt;how&gt;</c>.</summary>
    public static List<string> ExceptionsOf(this FoldHarness harness, string orderId) =>
        harness.Engine.Store("exception-recorder").TryGetValue(ExceptionRaised.IdOf(ExceptionCategories.UnreconciledSettlement, orderId), out var s)
            ? ((ExceptionRecorder.Seen)s).Events
            : [];

    public static OrderReconciliationRow Reconciliation(this FoldHarness harness, string orderId) =>
        harness.Latest<OrderReconciliationRow>()[orderId];

    public sealed class LedgerRecorder : Fold<LedgerRecorder.Book>
    {
        private long _sent;

        public override string Name => "ledger-recorder";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(SalesLedgerEntry)];

        protected override void Apply(Book state, in Message message, IOutputs outputs) =>
            state.Entries.Add((++_sent, (SalesLedgerEntry)message.Body));

        public sealed class Book : FoldState
        {
            public List<(long Order, SalesLedgerEntry Entry)> Entries { get; } = [];
        }
    }

    public sealed class ExceptionRecorder : Fold<ExceptionRecorder.Seen>
    {
        public override string Name => "exception-recorder";

        public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ExceptionRaised), typeof(ExceptionResolved)];

        protected override void Apply(Seen state, in Message message, IOutputs outputs) =>
            state.Events.Add(message.Body switch
            {
                ExceptionRaised raised => $"raised:{raised.Context.Channel}",
                ExceptionResolved resolved => $"resolved:{resolved.Resolution}",
                _ => "?",
            });

        public sealed class Seen : FoldState
        {
            public List<string> Events { get; } = [];
        }
    }
}
