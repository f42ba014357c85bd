using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>
/// Lines of one order allocated at one node, from pick to doorstep: picked (now and then short),
/// packed and handed to the carrier at the next collection, payment captured as it ships, sometimes
/// delayed in transit, delivered, and then perhaps returned or charged back.
/// </summary>
internal sealed partial class Parcel(Order order, int node, List<(int Line, int Quantity)> lines) : IHappening
{
    private readonly int[] _picked = new int[lines.Count];
    private Step _next = Step.Queue;
    private bool _void;
    private string _shipmentId = "";
    private string _carrier = "";
    private DateTimeOffset _eta;
    private decimal _captured;
    private bool _delayed;

    private enum Step
    {
        Queue,
        Pick,
        Dispatch,
        Delay,
        Deliver,
    }

    /// <summary>Released to the node's pick queue after <paramref name="readyIn"/> (the next wave).</summary>
    public void Queue(Simulation sim, TimeSpan readyIn)
    {
        order.OpenParcels.Add(this);
        sim.Timeline.After(readyIn, this);
    }

    /// <summary>The order was cancelled before picking: give the reserved stock back.</summary>
    public void Void(Simulation sim)
    {
        _void = true;
        foreach (var (line, quantity) in lines)
        {
            sim.Stock.Unreserve(order.Lines[line].Sku, node, quantity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Happen(Simulation sim)
    {
        if (_void)
        {
            return;
        }

        switch (_next)
        {
            case Step.Queue:
                // Joins the queue only once released, so a parcel held back for a later wave never blocks the ones behind it.
                _next = Step.Pick;
                sim.Timeline.At(sim.Picking.Schedule(node, sim.Now, lines.Count), this);
                break;
            case Step.Pick:
                Pick(sim);
                break;
            case Step.Dispatch:
                Dispatch(sim);
                break;
            case Step.Delay:
                var newEta = _eta + sim.Rng.Between(TimeSpan.FromHours(20), TimeSpan.FromHours(48));
                sim.Emit(EventTypes.ShipmentDelayed, Sources.Carrier(_carrier), order.Id, new ShipmentDelayed
                {
                    ShipmentId = _shipmentId, OrderId = order.Id, Carrier = _carrier, NewEta = newEta,
                    Reason = Carriers.DelayReason(sim.Rng),
                });
                _eta = newEta;
                _delayed = true;
                _next = Step.Deliver;
                sim.Timeline.At(newEta, this);
                break;
            case Step.Deliver:
                Deliver(sim);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pick(Simulation sim)
    {
        order.PickStarted = true;
        var rng = sim.Rng;
        var source = sim.Sources.Locations[node];
        var locationId = sim.LocationIds[node];
        List<string>? nothingFound = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var (l, allocated) = lines[i];
            var line = order.Lines[l];
            var skuId = sim.SkuIds[line.Sku];
            // A picker can only take what is on the shelf: less when a count has since lowered the book,
            // and now and then the book itself is wrong (units missing that it still shows).
            var onShelf = Math.Max(0, sim.Stock.OnHand(line.Sku, node));
            var missing = rng.Chance(0.008) ? Math.Min(Math.Min(allocated, onShelf), 1 + (allocated > 3 && rng.Chance(0.3) ? 1 : 0)) : 0;
            _picked[i] = Math.Min(allocated - missing, onShelf - missing);
            sim.Stock.Pick(line.Sku, node, allocated, _picked[i], missing);
            sim.Emit(EventTypes.PickCompleted, source, order.Id, new PickCompleted
            {
                OrderId = order.Id, LineId = line.LineId, Sku = skuId, Location = locationId,
                Quantity = _picked[i], ShortQuantity = allocated - _picked[i],
            });

            if (missing > 0)
            {
                sim.Emit(EventTypes.StockAdjusted, source, sim.Stock.Key(line.Sku, node),
                    new StockAdjusted { Location = locationId, Sku = skuId, Delta = -missing, Reason = "shrinkage" });
            }

            if (_picked[i] == 0 && line.Allocated == allocated)
            {
                line.Cancelled = true;
                (nothingFound ??= []).Add(line.LineId);
            }
        }

        if (nothingFound is not null)
        {
            sim.Emit(EventTypes.OrderCancelled, order.ChannelName, order.Id,
                new OrderCancelled { OrderId = order.Id, LineIds = nothingFound, Reason = "short_pick" });
        }

        if (Array.TrueForAll(_picked, p => p == 0))
        {
            order.OpenParcels.Remove(this);
            return;
        }

        _next = Step.Dispatch;
        sim.Timeline.At(Carriers.NextCollection(node, sim.Now + rng.Between(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(40))), this);
    }
}
