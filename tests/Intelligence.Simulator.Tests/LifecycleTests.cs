using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Supplier;
using Intelligence.Contracts.Warehouse;

namespace Intelligence.Simulator.Tests;

/// <summary>The business the events describe hangs together: every step follows the one before and quantities add up.</summary>
public class LifecycleTests
{
    private static ObservedRun Run => ObservedRun.Clean(50_000);

    [Fact]
    public void Every_event_type_appears_in_a_50k_run()
    {
        var seen = Run.World.Select(e => e.Type.Name).ToHashSet();

        Assert.All(EventTypes.All, t => Assert.Contains(t.Name, seen));
    }

    [Fact]
    public void Events_carry_the_canonical_partition_key()
    {
        Assert.All(Run.World, e => Assert.Equal(CanonicalKey(e.Payload), e.Key));
    }

    [Fact]
    public void Order_events_follow_the_order_being_placed()
    {
        var placed = new HashSet<string>();
        foreach (var e in Run.World)
        {
            if (e.Payload is OrderPlaced order)
            {
                placed.Add(order.OrderId!);
            }
            else if (OrderIdOf(e.Payload) is { } orderId)
            {
                Assert.True(placed.Contains(orderId), $"{e.Type} for {orderId} came before the order");
            }
        }
    }

    [Fact]
    public void Picks_shipments_and_returns_never_exceed_what_came_before()
    {
        var ordered = new Dictionary<string, int>();
        var allocated = new Dictionary<string, int>();
        var picked = new Dictionary<string, int>();
        var shipped = new Dictionary<string, int>();
        var returned = new Dictionary<string, int>();
        foreach (var e in Run.World)
        {
            switch (e.Payload)
            {
                case OrderPlaced o:
                    o.Lines!.ToList().ForEach(l => ordered[$"{o.OrderId}/{l.LineId}"] = l.Quantity!.Value);
                    break;
                case AllocationMade a:
                    Add(allocated, $"{a.OrderId}/{a.LineId}", a.Quantity!.Value, ordered);
                    break;
                case PickCompleted p:
                    Add(picked, $"{p.OrderId}/{p.LineId}", p.Quantity!.Value, allocated);
                    Assert.True(p.Quantity + p.ShortQuantity <= allocated[$"{p.OrderId}/{p.LineId}"]);
                    break;
                case ShipmentDispatched s:
                    s.Lines!.ToList().ForEach(l => Add(shipped, $"{s.OrderId}/{l.LineId}", l.Quantity!.Value, picked));
                    break;
                case ReturnRequested r:
                    Add(returned, $"{r.OrderId}/{r.LineId}", r.Quantity!.Value, shipped);
                    break;
            }
        }

        Assert.NotEmpty(returned);
    }

    [Fact]
    public void Returns_are_received_as_requested_and_refunded_after_receipt()
    {
        var requested = new Dictionary<string, ReturnRequested>();
        var received = new HashSet<string>();
        var refundsByOrder = new Dictionary<string, decimal>();
        foreach (var e in Run.World)
        {
            switch (e.Payload)
            {
                case ReturnRequested r:
                    requested.Add(r.ReturnId!, r);
                    break;
                case ReturnReceived r:
                    Assert.True(requested.TryGetValue(r.ReturnId!, out var asked));
                    Assert.Equal((asked!.OrderId, asked.Sku, asked.Quantity), (r.OrderId, r.Sku, r.Quantity));
                    received.Add(r.OrderId!);
                    break;
                case PaymentRefunded r:
                    Assert.Contains(r.OrderId!, received);
                    refundsByOrder[r.OrderId!] = refundsByOrder.GetValueOrDefault(r.OrderId!) + r.Amount!.Value;
                    break;
            }
        }

        var captured = Run.Payloads<PaymentCaptured>().GroupBy(c => c.OrderId!).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount!.Value));
        Assert.All(refundsByOrder, r => Assert.True(r.Value <= captured[r.Key], $"{r.Key} refunded more than was captured"));
        Assert.Contains(Run.Payloads<ReturnReceived>(), r => r.Condition == "damaged");
        Assert.Contains(Run.Payloads<ReturnReceived>(), r => r.Condition == "sellable");
    }

    [Fact]
    public void Captures_never_exceed_the_authorised_amount()
    {
        var authorised = Run.Payloads<PaymentAuthorized>().GroupBy(a => a.OrderId!).ToDictionary(g => g.Key, g => g.Max(a => a.Amount!.Value));
        var captured = Run.Payloads<PaymentCaptured>().GroupBy(c => c.OrderId!).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount!.Value));

        Assert.All(captured, c => Assert.True(c.Value <= authorised[c.Key] + 0.05m, $"{c.Key} captured {c.Value} of {authorised[c.Key]}"));
    }

    [Fact]
    public void Stock_folded_from_the_events_is_booked_in_first_and_never_goes_negative()
    {
        var onHand = new Dictionary<string, int>();
        foreach (var e in Run.World)
        {
            foreach (var (key, delta, set) in StockMoves(e.Payload))
            {
                if (set is { } counted)
                {
                    onHand[key] = counted;
                    continue;
                }

                Assert.True(onHand.TryGetValue(key, out var current), $"{e.Type} touched {key} before it was booked in");
                onHand[key] = current + delta;
                Assert.True(onHand[key] >= 0, $"{key} went to {onHand[key]} after {e.Type} {e.Id}");
            }
        }
    }

    [Fact]
    public void The_awkward_cases_all_happen()
    {
        var world = Run.World;
        Assert.Contains(Run.Payloads<AllocationMade>(), a => a.Quantity > 0 && a.Quantity < a.RequestedQuantity);
        Assert.Contains(Run.Payloads<AllocationMade>(), a => a.Quantity == 0);
        Assert.Contains(Run.Payloads<PickCompleted>(), p => p.ShortQuantity > 0);
        Assert.Contains(Run.Payloads<ShipmentDispatched>().GroupBy(s => s.OrderId), g => g.Count() > 1);
        foreach (var reason in new[] { "payment_hold", "address_validation", "fraud_review" })
        {
            Assert.Contains(Run.Payloads<OrderHeld>(), h => h.Reason == reason);
            Assert.Contains(Run.Payloads<OrderReleased>(), h => h.Reason == reason);
        }

        foreach (var reason in new[] { "payment_failed", "customer_request", "out_of_stock" })
        {
            Assert.Contains(Run.Payloads<OrderCancelled>(), c => c.Reason == reason);
        }

        Assert.Contains(Run.Payloads<PurchaseOrderReceived>(), r => r.Lines!.Any(l => l.Damaged > 0));
        Assert.Contains(Run.Payloads<PurchaseOrderReceived>(), r => r.AsnId is null);
        Assert.Contains(Run.Payloads<StockAdjusted>(), a => a.Delta > 0);
        Assert.Contains(Run.Payloads<SettlementReported>(), s => s.Lines!.Any(l => l.Kind == "refund"));
        Assert.True(world.Count(e => e.Payload is ShipmentDelayed) > 10);
    }

    [Fact]
    public void Wholesale_orders_are_fewer_bigger_and_from_trade_customers()
    {
        var orders = Run.Payloads<OrderPlaced>().ToList();
        var wholesale = orders.Where(o => o.Channel == "wholesale").ToList();
        var retail = orders.Where(o => o.Channel != "wholesale").ToList();

        Assert.NotEmpty(wholesale);
        Assert.True(wholesale.Count * 20 < retail.Count);
        Assert.All(wholesale, o => Assert.Equal("trade", o.CustomerTier));
        Assert.DoesNotContain(retail, o => o.CustomerTier == "trade");
        Assert.True(wholesale.Average(Units) > 10 * retail.Average(Units));
        Assert.Equal(["gold", "platinum", "silver", "standard"], retail.Select(o => o.CustomerTier!).Distinct().Order());
    }

    [Fact]
    public void Payouts_pay_what_the_settlement_reported()
    {
        var reported = Run.Payloads<SettlementReported>().ToDictionary(s => s.SettlementId!, s => s.Lines!.Sum(l => l.Amount!.Value - l.Fee!.Value));

        Assert.NotEmpty(Run.Payloads<PayoutPaid>());
        Assert.All(Run.Payloads<PayoutPaid>(), p => Assert.Equal(reported[p.SettlementId!], p.Amount));
    }

    private static int Units(OrderPlaced order) => order.Lines!.Sum(l => l.Quantity!.Value);

    private static void Add(Dictionary<string, int> totals, string line, int quantity, Dictionary<string, int> ceiling)
    {
        totals[line] = totals.GetValueOrDefault(line) + quantity;
        Assert.True(totals[line] <= ceiling.GetValueOrDefault(line), $"{line}: {totals[line]} is more than the {ceiling.GetValueOrDefault(line)} before it");
    }

    private static string? OrderIdOf(IEventPayload payload) => payload switch
    {
        OrderCancelled p => p.OrderId, OrderHeld p => p.OrderId, OrderReleased p => p.OrderId, ReturnRequested p => p.OrderId,
        AllocationMade p => p.OrderId, PickCompleted p => p.OrderId, ShipmentDispatched p => p.OrderId,
        ShipmentDelivered p => p.OrderId, ShipmentDelayed p => p.OrderId, ReturnReceived p => p.OrderId,
        PaymentMovement p => p.OrderId,
        _ => null,
    };

    private static string CanonicalKey(IEventPayload payload) => payload switch
    {
        OrderPlaced p => p.OrderId!,
        ListingUpdated p => $"{p.Sku}@{p.Channel}",
        ProductUpdated p => p.Sku!,
        PromotionStarted p => p.PromotionId!,
        PromotionEnded p => p.PromotionId!,
        StockReceived p => $"{p.Sku}@{p.Location}",
        StockAdjusted p => $"{p.Sku}@{p.Location}",
        StockCounted p => $"{p.Sku}@{p.Location}",
        StockHeld p => $"{p.Sku}@{p.Location}",
        StockReleased p => $"{p.Sku}@{p.Location}",
        TransferDispatched p => p.TransferId!,
        TransferReceived p => p.TransferId!,
        PurchaseOrderCreated p => p.PoId!,
        AsnSent p => p.PoId!,
        PurchaseOrderReceived p => p.PoId!,
        LeadTimePromised p => p.SupplierId!,
        SettlementReported p => p.SettlementId!,
        PayoutPaid p => p.SettlementId!,
        _ => OrderIdOf(payload)!,
    };

    /// <summary>How an event moves on-hand stock: (sku@location, delta, or the counted figure that replaces it).</summary>
    private static IEnumerable<(string Key, int Delta, int? Set)> StockMoves(IEventPayload payload) => payload switch
    {
        StockReceived p when p.Reference == "opening-balance" => [($"{p.Sku}@{p.Location}", 0, p.Quantity)],
        StockReceived p => [($"{p.Sku}@{p.Location}", p.Quantity!.Value, null)],
        StockCounted p => [($"{p.Sku}@{p.Location}", 0, p.CountedQuantity)],
        StockAdjusted p => [($"{p.Sku}@{p.Location}", p.Delta!.Value, null)],
        PickCompleted p => [($"{p.Sku}@{p.Location}", -p.Quantity!.Value, null)],
        TransferDispatched p => [($"{p.Sku}@{p.FromLocation}", -p.Quantity!.Value, null)],
        TransferReceived p => [($"{p.Sku}@{p.ToLocation}", p.Quantity!.Value, null)],
        ReturnReceived p when p.Condition == "sellable" => [($"{p.Sku}@{p.Location}", p.Quantity!.Value, null)],
        PurchaseOrderReceived p => p.Lines!.Select(l => ($"{l.Sku}@{p.Location}", l.Quantity!.Value - l.Damaged!.Value, (int?)null)),
        _ => [],
    };
}
