using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// What the order's own events do to its money state: the order's lines and prices, cancellations,
/// shipments, returns, and money to attribute; anything the ledger cannot price before the order
/// is known is kept until <c>order.placed</c> arrives.
/// </summary>
internal static class OrderActivity
{
    public static void Place(OrderPaymentsState state, OrderPlaced placed, IOutputs outputs)
    {
        if (state.Placed)
        {
            return; // the first placement holds: a re-sent order does not reprice shipped lines
        }

        state.Placed = true;
        state.Channel = placed.Channel!;
        state.PromotionId = placed.PromotionId;
        state.ShippingCharged = placed.ShippingCharged!.Value;
        state.Lines = [.. placed.Lines!.Select(l => new PricedLine
        {
            LineId = l.LineId!, Sku = l.Sku!, Quantity = l.Quantity!.Value, UnitPrice = l.UnitPrice!.Value, Discount = l.Discount!.Value,
            // The order names one promotion; it explains the lines it discounted, not the others.
            PromotionId = l.Discount > 0m && placed.PromotionId is { } promotion ? promotion : OrderPaymentsFold.NoPromotion,
        })];
        state.OrderValue = state.Lines.Sum(l => l.Quantity * l.UnitPrice - l.Discount) + state.ShippingCharged;

        foreach (var parked in state.ParkedShipments)
        {
            OrderLedger.Ship(state, parked.Lines, parked.ShippingCost, outputs);
        }

        foreach (var customerReturn in state.Returns.Where(r => r.Received && r.Sellable && !r.Restocked))
        {
            OrderLedger.Restock(state, customerReturn, outputs);
        }

        foreach (var money in state.ParkedMoney)
        {
            Attribute(state, money.Kind, money.Amount, outputs);
        }

        state.ParkedShipments.Clear();
        state.ParkedMoney.Clear();
    }

    public static void Cancel(OrderPaymentsState state, OrderCancelled cancelled)
    {
        foreach (var line in state.Lines.Where(l => cancelled.LineIds is null || cancelled.LineIds.Contains(l.LineId)))
        {
            line.Cancelled = true;
        }

        state.Cancelled |= cancelled.LineIds is null || state.Lines.TrueForAll(l => l.Cancelled);
    }

    public static void Ship(OrderPaymentsState state, ShipmentDispatched shipment, IOutputs outputs)
    {
        var lines = shipment.Lines!.Select(l => new ShippedUnits { LineId = l.LineId!, Sku = l.Sku!, Quantity = l.Quantity!.Value }).ToList();
        if (state.Placed)
        {
            OrderLedger.Ship(state, lines, shipment.ShippingCost!.Value, outputs);
        }
        else
        {
            state.ParkedShipments.Add(new ParkedShipment { ShippingCost = shipment.ShippingCost!.Value, Lines = lines });
        }
    }

    public static void Request(OrderPaymentsState state, ReturnRequested requested)
    {
        if (state.Returns.Exists(r => r.ReturnId == requested.ReturnId))
        {
            return;
        }

        state.Returns.Add(new CustomerReturn
        {
            ReturnId = requested.ReturnId!, LineId = requested.LineId!, Sku = requested.Sku!, Quantity = requested.Quantity!.Value,
        });
    }

    /// <summary>Returned units arrive; sellable ones go back on the shelf (a receipt without a request is recorded as its own return).</summary>
    public static void Receive(OrderPaymentsState state, ReturnReceived received, IOutputs outputs)
    {
        var customerReturn = state.Returns.Find(r => r.ReturnId == received.ReturnId);
        if (customerReturn is null)
        {
            customerReturn = new CustomerReturn { ReturnId = received.ReturnId!, Sku = received.Sku!, Quantity = received.Quantity!.Value };
            state.Returns.Add(customerReturn);
        }

        customerReturn.Received = true;
        customerReturn.Sellable = received.Condition == "sellable";
        if (customerReturn.Sellable && !customerReturn.Restocked && state.Placed)
        {
            OrderLedger.Restock(state, customerReturn, outputs);
        }
    }

    /// <summary>A refund, chargeback or fee onto the ledger, or kept until the order's lines are known.</summary>
    public static void Attribute(OrderPaymentsState state, string kind, decimal amount, IOutputs outputs)
    {
        if (!state.Placed)
        {
            state.ParkedMoney.Add(new ParkedMoney { Kind = kind, Amount = amount });
        }
        else if (kind == LedgerKinds.Refund)
        {
            OrderLedger.Refund(state, amount, outputs);
        }
        else
        {
            OrderLedger.ByValue(state, kind, amount, outputs);
        }
    }
}
