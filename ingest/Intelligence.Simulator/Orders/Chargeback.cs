using Intelligence.Contracts;
using Intelligence.Contracts.Payment;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>Days or weeks after delivery the customer's bank pulls the money back for a shipment.</summary>
internal sealed class Chargeback(Order order, decimal amount) : IHappening
{
    private static readonly string[] Reasons = ["fraudulent", "not_received", "not_as_described", "duplicate_charge"];

    public void Happen(Simulation sim)
    {
        sim.Emit(EventTypes.PaymentChargeback, order.Provider, order.Id, new PaymentChargeback
        {
            PaymentId = order.PaymentId, OrderId = order.Id, Provider = order.Provider, Amount = amount,
            Currency = Money.Currency, ChargebackId = sim.Ids.Next(Document.Chargeback), Reason = sim.Rng.Pick(Reasons),
        });
        sim.Settlements.Chargeback(order.Channel, order.Id, amount);
    }
}
