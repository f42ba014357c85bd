using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Turns an order's money into sales-ledger entries keyed by SKU: revenue and discount as units ship,
/// shipping, fees, refunds, chargebacks and restocked units, each attributed to the order's lines.
/// </summary>
internal static class OrderLedger
{
    /// <summary>Revenue, discount and shipping of one shipment; shipping charged goes on the order's first.</summary>
    public static void Ship(OrderPaymentsState state, IReadOnlyList<ShippedUnits> shipped, decimal shippingCost, IOutputs outputs)
    {
        var lines = new List<PricedLine>(shipped.Count);
        var values = new List<decimal>(shipped.Count);
        foreach (var units in shipped)
        {
            var line = LineOf(state, units.LineId, units.Sku);
            if (line is null)
            {
                continue; // a line the order never had: nothing is known of its price
            }

            var revenue = units.Quantity * line.UnitPrice;
            var discount = DiscountThrough(line, line.ShippedUnits + units.Quantity) - DiscountThrough(line, line.ShippedUnits);
            line.ShippedUnits += units.Quantity;
            line.ShippedNet += revenue - discount;
            Send(state, line, LedgerKinds.Revenue, units.Quantity, revenue, outputs);
            Send(state, line, LedgerKinds.Discount, 0, discount, outputs);
            lines.Add(line);
            values.Add(revenue - discount);
        }

        if (!state.ShippingBilled && lines.Count > 0)
        {
            state.ShippingBilled = true;
            SendSplit(state, lines, values, LedgerKinds.ShippingCharged, state.ShippingCharged, outputs);
        }

        SendSplit(state, lines, values, LedgerKinds.ShippingCost, shippingCost, outputs);
    }

    /// <summary>
    /// A refund goes first to the returns it explains (a received return whose open value it equals,
    /// else returns in the order received, then requested), each up to the return's value; what is
    /// left is split over the shipped lines by value.
    /// </summary>
    public static void Refund(OrderPaymentsState state, decimal amount, IOutputs outputs)
    {
        var rest = amount;
        var exact = state.Returns.FirstOrDefault(r => r.Received && OpenValue(state, r) == amount);
        IEnumerable<CustomerReturn> candidates = exact is not null
            ? [exact]
            : state.Returns.Where(r => r.Received).Concat(state.Returns.Where(r => !r.Received));
        foreach (var customerReturn in candidates)
        {
            if (rest <= 0m)
            {
                break;
            }

            var open = OpenValue(state, customerReturn);
            if (open <= 0m)
            {
                continue;
            }

            var part = Math.Min(open, rest);
            customerReturn.Refunded += part;
            rest -= part;
            var line = LineOf(state, customerReturn.LineId, customerReturn.Sku);
            var units = OpenValue(state, customerReturn) == 0m ? customerReturn.Quantity : 0;
            Send(state, line, customerReturn.Sku, LedgerKinds.Refund, units, part, outputs);
        }

        ByValue(state, LedgerKinds.Refund, rest, outputs);
    }

    /// <summary>Splits money that belongs to the order as a whole (fees, chargebacks, unexplained refunds) over its lines by value.</summary>
    public static void ByValue(OrderPaymentsState state, string kind, decimal amount, IOutputs outputs)
    {
        if (amount == 0m)
        {
            return;
        }

        var shipped = state.Lines.Where(l => l.ShippedNet > 0m).ToList();
        var lines = shipped.Count > 0 ? shipped : state.Lines;
        var values = lines.Select(l => l.ShippedNet > 0m ? l.ShippedNet : l.Quantity * l.NetUnitPrice).ToList();
        SendSplit(state, lines, values, kind, amount, outputs);
    }

    /// <summary>Sellable returned units back on the shelf: the product fold takes their cost out of COGS.</summary>
    public static void Restock(OrderPaymentsState state, CustomerReturn customerReturn, IOutputs outputs)
    {
        customerReturn.Restocked = true;
        var line = LineOf(state, customerReturn.LineId, customerReturn.Sku);
        Send(state, line, customerReturn.Sku, LedgerKinds.Restocked, customerReturn.Quantity, 0m, outputs);
    }

    /// <summary>What a return should refund and has not yet: its units at the line's net price, to the cent.</summary>
    public static decimal OpenValue(OrderPaymentsState state, CustomerReturn customerReturn)
    {
        var line = LineOf(state, customerReturn.LineId, customerReturn.Sku);
        var value = line is null ? 0m : decimal.Round(line.NetUnitPrice * customerReturn.Quantity, 2, MidpointRounding.AwayFromZero);
        return Math.Max(0m, value - customerReturn.Refunded);
    }

    public static PricedLine? LineOf(OrderPaymentsState state, string? lineId, string sku) =>
        (lineId is null ? null : state.Lines.Find(l => l.LineId == lineId)) ?? state.Lines.Find(l => l.Sku == sku);

    /// <summary>The line's discount on its first <paramref name="units"/> units, pro rata; all of it once the line has shipped in full.</summary>
    private static decimal DiscountThrough(PricedLine line, int units) =>
        units >= line.Quantity ? line.Discount : decimal.Round(line.Discount * units / line.Quantity, 2, MidpointRounding.AwayFromZero);

    private static void SendSplit(
        OrderPaymentsState state, List<PricedLine> lines, List<decimal> values, string kind, decimal amount, IOutputs outputs)
    {
        if (amount == 0m || lines.Count == 0)
        {
            return;
        }

        var parts = ValueSplit.Of(amount, values);
        for (var i = 0; i < lines.Count; i++)
        {
            Send(state, lines[i], kind, 0, parts[i], outputs);
        }
    }

    private static void Send(OrderPaymentsState state, PricedLine line, string kind, int units, decimal amount, IOutputs outputs) =>
        Send(state, line, line.Sku, kind, units, amount, outputs);

    private static void Send(OrderPaymentsState state, PricedLine? line, string sku, string kind, int units, decimal amount, IOutputs outputs)
    {
        if (amount == 0m && units == 0)
        {
            return;
        }

        var promotion = line?.PromotionId ?? OrderPaymentsFold.NoPromotion;
        outputs.Send(sku, new SalesLedgerEntry(sku, state.Channel ?? OrderPaymentsFold.Unknown, promotion, kind, units, amount));
    }
}
