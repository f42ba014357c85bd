using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>A customer changes their mind; it only counts if nothing has been picked yet.</summary>
internal sealed class CustomerCancellation(Order order) : IHappening
{
    public void Happen(Simulation sim)
    {
        if (order.Cancelled || order.PickStarted)
        {
            return;
        }

        order.Cancelled = true;
        foreach (var parcel in order.OpenParcels)
        {
            parcel.Void(sim);
        }

        order.OpenParcels.Clear();
        sim.Emit(EventTypes.OrderCancelled, order.ChannelName, order.Id,
            new OrderCancelled { OrderId = order.Id, Reason = "customer_request" });
    }
}
