using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Orders;

/// <summary>The second half of a parcel's life: handed to the carrier, paid for, delivered, and what follows delivery.</summary>
internal sealed partial class Parcel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dispatch(Simulation sim)
    {
        var rng = sim.Rng;
        _shipmentId = sim.Ids.Next(Document.Shipment);
        _carrier = Carriers.Choose(rng, node, order.Channel);
        var shipped = new List<ShipmentLine>(lines.Count);
        var amount = 0m;
        for (var i = 0; i < lines.Count; i++)
        {
            if (_picked[i] == 0)
            {
                continue;
            }

            var line = order.Lines[lines[i].Line];
            shipped.Add(new ShipmentLine { LineId = line.LineId, Sku = sim.SkuIds[line.Sku], Quantity = _picked[i] });
            amount += line.NetUnitPrice * _picked[i];
        }

        if (!order.ShippingBilled)
        {
            order.ShippingBilled = true;
            amount += order.ShippingCharged;
        }

        _captured = Money.Cents(amount);
        sim.Emit(EventTypes.ShipmentDispatched, sim.Sources.Locations[node], order.Id, new ShipmentDispatched
        {
            ShipmentId = _shipmentId, OrderId = order.Id, Location = sim.LocationIds[node],
            Carrier = _carrier, PromisedBy = order.PromisedBy, ShippingCost = Carriers.Cost(rng, _carrier), Lines = shipped,
        });
        sim.Emit(EventTypes.PaymentCaptured, order.Provider, order.Id, new PaymentCaptured
        {
            PaymentId = order.PaymentId, OrderId = order.Id, Provider = order.Provider, Amount = _captured, Currency = Money.Currency,
        });
        sim.Settlements.Sale(sim, order.Channel, order.Id, _captured);

        var transit = Carriers.Transit(rng, node, _carrier);
        _eta = sim.Now + transit;
        if (rng.Chance(0.06))
        {
            _next = Step.Delay;
            sim.Timeline.After(transit * (0.3 + 0.5 * rng.NextDouble()), this);
        }
        else
        {
            _next = Step.Deliver;
            sim.Timeline.At(_eta, this);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Deliver(Simulation sim)
    {
        var rng = sim.Rng;
        order.OpenParcels.Remove(this);
        sim.Emit(EventTypes.ShipmentDelivered, Sources.Carrier(_carrier), order.Id,
            new ShipmentDelivered { ShipmentId = _shipmentId, OrderId = order.Id });

        for (var i = 0; i < lines.Count; i++)
        {
            if (_picked[i] == 0)
            {
                continue;
            }

            var line = order.Lines[lines[i].Line];
            var category = sim.Assortment.CategoryOf[line.Sku];
            var badBatch = sim.Scenarios.RaisesReturns(category, sim.Now);
            if (!rng.Chance(badBatch ? Scenarios.HighReturnRatePlan.ReturnRate : ReturnOdds.For(category, order.Channel)))
            {
                continue;
            }

            var quantity = rng.Chance(0.7) ? _picked[i] : 1 + rng.Next(_picked[i]);
            var reason = badBatch ? ReturnOdds.BatchFaultReason(rng) : ReturnOdds.UsualReason(rng, category, _delayed);
            var journey = new ReturnJourney(order, node, line, quantity, reason);
            sim.Timeline.After(rng.Spread(TimeSpan.FromHours(12), TimeSpan.FromDays(5)), journey);
        }

        if (!order.ChargedBack && order.Channel != SalesChannels.Wholesale && rng.Chance(0.006))
        {
            order.ChargedBack = true;
            sim.Timeline.After(rng.Spread(TimeSpan.FromDays(1), TimeSpan.FromDays(21)), new Chargeback(order, _captured));
        }
    }
}
