using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Orders;

/// <summary>
/// A customer return: requested on the channel, received back at the node that shipped it (sellable
/// stock goes back on the shelf), then refunded. Some customers never send the goods back.
/// </summary>
internal sealed class ReturnJourney(Order order, int node, OrderLineState line, int quantity, string reason) : IHappening
{
    private Step _next = Step.Request;
    private string _returnId = "";

    private enum Step
    {
        Request,
        Receive,
        Refund,
    }

    public void Happen(Simulation sim)
    {
        var rng = sim.Rng;
        var skuId = sim.SkuIds[line.Sku];
        switch (_next)
        {
            case Step.Request:
                _returnId = sim.Ids.Next(Document.Return);
                sim.Emit(EventTypes.ReturnRequested, order.ChannelName, order.Id, new ReturnRequested
                {
                    ReturnId = _returnId, OrderId = order.Id, LineId = line.LineId, Channel = order.ChannelName,
                    Sku = skuId, Quantity = quantity, Reason = reason,
                });
                if (rng.Chance(0.92))
                {
                    _next = Step.Receive;
                    var transit = node >= Assortment.FirstStore ? TimeSpan.FromHours(12) : TimeSpan.FromDays(2);
                    sim.Timeline.After(transit + rng.Between(TimeSpan.Zero, TimeSpan.FromDays(3)), this);
                }

                break;
            case Step.Receive:
                var damaged = ReturnOdds.ComesBackDamaged(rng, reason);
                sim.Stock.Open(line.Sku, node);
                if (!damaged)
                {
                    sim.Stock.Receive(line.Sku, node, quantity);
                }

                sim.Emit(EventTypes.ReturnReceived, sim.Sources.Locations[node], order.Id, new ReturnReceived
                {
                    ReturnId = _returnId, OrderId = order.Id, Sku = skuId, Location = sim.LocationIds[node],
                    Quantity = quantity, Condition = damaged ? "damaged" : "sellable",
                });
                _next = Step.Refund;
                sim.Timeline.After(rng.Spread(TimeSpan.FromHours(1), TimeSpan.FromDays(2)), this);
                break;
            case Step.Refund:
                var amount = Money.Cents(line.NetUnitPrice * quantity);
                sim.Emit(EventTypes.PaymentRefunded, order.Provider, order.Id, new PaymentRefunded
                {
                    PaymentId = order.PaymentId, OrderId = order.Id, Provider = order.Provider, Amount = amount,
                    Currency = Money.Currency, RefundId = sim.Ids.Next(Document.Refund), Reason = reason,
                });
                sim.Settlements.Refund(order.Channel, order.Id, amount);
                break;
        }
    }
}
