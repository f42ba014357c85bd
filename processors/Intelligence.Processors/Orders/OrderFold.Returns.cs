using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Orders;

/// <summary>Returns: in transit back to the node the line shipped from, received (sellable or damaged), or never sent.</summary>
public sealed partial class OrderFold
{
    private static void RequestReturn(OrderState state, ReturnRequested request, DateTimeOffset at, IOutputs outputs)
    {
        var id = request.ReturnId!;
        if (state.Returns.ContainsKey(id))
        {
            return;
        }

        var quantity = request.Quantity!.Value;
        var line = Line(state, request.LineId!, request.Sku!);
        line.ReturnRequested += quantity;

        // Expected back where the line shipped from (where most of it shipped from, if it left from two nodes).
        var from = line.Locations.Where(l => l.Value.Shipped > 0).OrderByDescending(l => l.Value.Shipped)
            .Select(l => l.Key).FirstOrDefault();
        var kept = new ReturnState
        {
            LineId = request.LineId!, Sku = request.Sku!, Location = from, Quantity = quantity, RequestedAt = at,
            InTransit = from is null ? 0 : quantity,
        };
        state.Returns[id] = kept;
        if (from is not null)
        {
            outputs.Send(StockKeys.Of(kept.Sku, from), new ReturnsInTransitChanged(kept.Sku, from, quantity));
        }
    }

    private void ReceiveReturn(OrderState state, ReturnReceived received, IOutputs outputs)
    {
        var id = received.ReturnId!;
        var quantity = received.Quantity!.Value;
        if (!state.Returns.TryGetValue(id, out var kept))
        {
            // Received without a request we saw: it was never in transit, so there is nothing to take off.
            state.Returns[id] = kept = new ReturnState { Sku = received.Sku!, Location = received.Location, Quantity = quantity };
        }
        else if (kept.Received >= kept.Quantity)
        {
            return; // this return was already received in full: a repeat changes nothing
        }
        else if (kept.InTransit > 0)
        {
            var arrived = Math.Min(quantity, kept.InTransit);
            kept.InTransit -= arrived;
            outputs.Send(StockKeys.Of(kept.Sku, kept.Location!), new ReturnsInTransitChanged(kept.Sku, kept.Location!, -arrived));
        }

        kept.Received += quantity;
        if (state.Lines.TryGetValue(kept.LineId, out var line))
        {
            line.Returned += quantity;
        }

        if (received.Condition == "damaged")
        {
            _exceptions.Raise(state, outputs, ExceptionCategories.DamagedReturn, OrderExceptions.ReturnKind, id,
                $"{quantity} units of {received.Sku} came back damaged at {received.Location}", received.Location, received.Sku);
        }
    }

    /// <summary>Returns requested longer ago than the expiry and still not received leave returns in transit.</summary>
    private void ExpireReturns(OrderState state, DateTimeOffset now, IOutputs outputs)
    {
        foreach (var r in state.Returns.Values)
        {
            if (r.InTransit > 0 && r.RequestedAt + options.ReturnInTransitExpiry <= now)
            {
                outputs.Send(StockKeys.Of(r.Sku, r.Location!), new ReturnsInTransitChanged(r.Sku, r.Location!, -r.InTransit));
                r.InTransit = 0;
            }
        }
    }
}
