using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Margin;
using Intelligence.Processors.Tests.Support;

namespace Intelligence.Processors.Tests.Finance;

/// <summary>
/// A week of simulated trade (70k events) through the finance and margin folds, the product fold
/// and the routers, once for all end-to-end tests; and the same events read directly, as the truth
/// the folds' figures are checked against.
/// </summary>
public sealed class SimulatedFinanceRun
{
    public SimulatedFinanceRun()
    {
        Events = SimulatedEvents.Generate(70_000);
        Options = new FinanceOptions();
        Harness = new FoldHarness(new Topology(
            [.. FinanceArea.Folds(Options), new ProductFold(), .. MarginArea.Folds(new MarginOptions()), new FinanceBuilders.ExceptionRecorder()],
            [.. FinanceArea.Routers(), new PurchaseCostRouter(), .. MarginArea.Routers()]));
        foreach (var e in Events)
        {
            Harness.Feed(e);
        }
    }

    public List<RetailEvent> Events { get; }

    public FinanceOptions Options { get; }

    public FoldHarness Harness { get; }

    public IEnumerable<T> Payloads<T>() where T : IEventPayload => Events.Select(e => e.Payload).OfType<T>();

    /// <summary>
    /// Per order, from the raw events: what was captured, refunded and charged back, what statements
    /// settled, how many captures and sale lines there were, and the latest of those moments.
    /// </summary>
    public Dictionary<string, OrderTruth> Truth()
    {
        var truth = new Dictionary<string, OrderTruth>(StringComparer.Ordinal);
        OrderTruth Of(string orderId) => truth.TryGetValue(orderId, out var t) ? t : truth[orderId] = new OrderTruth();
        foreach (var e in Events)
        {
            switch (e.Payload)
            {
                case OrderPlaced placed:
                    Of(placed.OrderId!).Channel = placed.Channel;
                    break;
                case PaymentCaptured captured:
                    Of(captured.OrderId!).Add(e.OccurredAt, captured.Provider!, captured: captured.Amount!.Value);
                    break;
                case PaymentRefunded refunded:
                    Of(refunded.OrderId!).Add(e.OccurredAt, refunded.Provider!, refunded: refunded.Amount!.Value);
                    break;
                case PaymentChargeback chargeback:
                    Of(chargeback.OrderId!).Add(e.OccurredAt, chargeback.Provider!, chargebacks: chargeback.Amount!.Value);
                    break;
                case SettlementReported statement:
                    foreach (var line in statement.Lines!)
                    {
                        var order = Of(line.OrderId!);
                        order.Add(e.OccurredAt, statement.Provider!);
                        order.SaleLines += line.Kind == "sale" ? 1 : 0;
                        order.SettledSales += line.Kind == "sale" ? line.Amount!.Value : 0m;
                        order.SettledRefunds -= line.Kind == "refund" ? line.Amount!.Value : 0m;
                        order.SettledChargebacks -= line.Kind == "chargeback" ? line.Amount!.Value : 0m;
                    }

                    break;
            }
        }

        return truth;
    }

    /// <summary>Revenue and net revenue of every shipped unit, priced from its order line (the discount pro rata to units shipped).</summary>
    public (decimal Revenue, decimal Net, HashSet<string> Keys) ShippedValue()
    {
        var orders = Payloads<OrderPlaced>().ToDictionary(o => o.OrderId!, StringComparer.Ordinal);
        var shipped = new Dictionary<(string Order, string Line), int>();
        foreach (var shipment in Payloads<ShipmentDispatched>())
        {
            foreach (var line in shipment.Lines!)
            {
                var key = (shipment.OrderId!, line.LineId!);
                shipped[key] = shipped.GetValueOrDefault(key) + line.Quantity!.Value;
            }
        }

        var (revenue, net, keys) = (0m, 0m, new HashSet<string>(StringComparer.Ordinal));
        foreach (var ((orderId, lineId), units) in shipped)
        {
            var order = orders[orderId];
            var line = order.Lines!.Single(l => l.LineId == lineId);
            var discount = units >= line.Quantity ? line.Discount!.Value
                : decimal.Round(line.Discount!.Value * units / line.Quantity!.Value, 2, MidpointRounding.AwayFromZero);
            revenue += units * line.UnitPrice!.Value;
            net += units * line.UnitPrice!.Value - discount;
            keys.Add(MarginEntry.KeyOf(line.Sku!, order.Channel!, line.Discount > 0m && order.PromotionId is { } p ? p : "none"));
        }

        return (revenue, net, keys);
    }

    public sealed class OrderTruth
    {
        public string? Channel { get; set; }
        public string? Provider { get; set; }
        public decimal Captured { get; set; }
        public decimal Refunded { get; set; }
        public decimal Chargebacks { get; set; }
        public decimal SettledSales { get; set; }
        public decimal SettledRefunds { get; set; }
        public decimal SettledChargebacks { get; set; }
        public int Captures { get; set; }
        public int SaleLines { get; set; }
        public DateTimeOffset LastMovementAt { get; set; }
        public DateTimeOffset? FirstCapturedAt { get; set; }

        public bool Matches => Captured == SettledSales && Refunded == SettledRefunds && Chargebacks == SettledChargebacks;

        public void Add(DateTimeOffset at, string provider, decimal captured = 0m, decimal refunded = 0m, decimal chargebacks = 0m)
        {
            Provider ??= provider;
            Captured += captured;
            Captures += captured > 0m ? 1 : 0;
            FirstCapturedAt = captured > 0m && (FirstCapturedAt is null || at < FirstCapturedAt) ? at : FirstCapturedAt;
            Refunded += refunded;
            Chargebacks += chargebacks;
            LastMovementAt = at > LastMovementAt ? at : LastMovementAt;
        }
    }
}
