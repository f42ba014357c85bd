using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>
/// Gives order lines stock: each line from the first candidate node that has all of it, else as much
/// as the best node has (a partial allocation), else nothing (a backorder). Lines allocated at one
/// node travel together in a parcel; now and then a parcel is split into two shipments.
/// </summary>
internal static class StockAllocation
{
    /// <summary>Allocates what it can; true while some units are still backordered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Allocate(Simulation sim, Order order, bool recheck)
    {
        var stock = sim.Stock;
        var backordered = false;
        Dictionary<int, List<(int Line, int Quantity)>>? parcels = null;
        for (var l = 0; l < order.Lines.Length; l++)
        {
            var line = order.Lines[l];
            var need = line.Outstanding;
            if (need == 0)
            {
                continue;
            }

            var node = -1;
            var best = 0;
            foreach (var candidate in order.Candidates)
            {
                var available = stock.Available(line.Sku, candidate);
                if (available >= need)
                {
                    node = candidate;
                    best = need;
                    break;
                }

                if (available > best)
                {
                    node = candidate;
                    best = available;
                }
            }

            backordered |= best < need;
            if (node < 0 && recheck)
            {
                // Still nothing: the backorder stands, no need to say so again.
                continue;
            }

            node = node < 0 ? order.Home : node;
            stock.Open(line.Sku, node);
            stock.Reserve(line.Sku, node, best);
            line.Allocated += best;
            sim.Emit(EventTypes.AllocationMade, Sources.OrderManagement, order.Id, new AllocationMade
            {
                OrderId = order.Id,
                LineId = line.LineId,
                Sku = sim.SkuIds[line.Sku],
                Location = sim.LocationIds[node],
                Quantity = best,
                RequestedQuantity = need,
            });

            if (best > 0)
            {
                parcels ??= [];
                if (!parcels.TryGetValue(node, out var lines))
                {
                    parcels[node] = lines = [];
                }

                lines.Add((l, best));
            }
        }

        // Candidate order is fixed, so walking the candidates keeps parcel creation deterministic.
        foreach (var node in order.Candidates)
        {
            if (parcels is not null && parcels.TryGetValue(node, out var lines))
            {
                Dispatch(sim, order, node, lines, recheck);
            }
        }

        return backordered;
    }

    /// <summary>Cancels the lines that never got any stock; the whole order when none did.</summary>
    public static void CancelUnfilled(Simulation sim, Order order)
    {
        var unfilled = new List<string>();
        var anyFilled = false;
        foreach (var line in order.Lines)
        {
            if (line.Allocated == 0 && !line.Cancelled)
            {
                line.Cancelled = true;
                unfilled.Add(line.LineId);
            }

            anyFilled |= line.Allocated > 0;
        }

        if (unfilled.Count == 0)
        {
            return;
        }

        order.Cancelled |= !anyFilled;
        sim.Emit(EventTypes.OrderCancelled, order.ChannelName, order.Id, new OrderCancelled
        {
            OrderId = order.Id,
            LineIds = anyFilled ? unfilled : null,
            Reason = "out_of_stock",
        });
    }

    private static void Dispatch(Simulation sim, Order order, int node, List<(int Line, int Quantity)> lines, bool recheck)
    {
        var rng = sim.Rng;
        var wave = rng.Between(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60));
        if (lines.Count >= 2 && !recheck && rng.Chance(0.06))
        {
            // Picked in two zones or waves: the second half leaves later, as its own shipment.
            var half = lines.Count / 2;
            new Parcel(order, node, lines.GetRange(0, half)).Queue(sim, wave);
            new Parcel(order, node, lines.GetRange(half, lines.Count - half))
                .Queue(sim, wave + rng.Between(TimeSpan.FromHours(2), TimeSpan.FromHours(8)));
            return;
        }

        new Parcel(order, node, lines).Queue(sim, wave);
    }
}
