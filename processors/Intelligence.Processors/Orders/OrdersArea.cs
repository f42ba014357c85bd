using Intelligence.Processors.Alerts;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Fulfillment;

namespace Intelligence.Processors.Orders;

/// <summary>
/// The folds of orders, the exception queue and fulfilment nodes, for the composition root. Orders
/// read their events under the order id (every order, allocation, pick, shipment, return and payment
/// event is keyed by it), so the area needs no router; everything else moves as signals.
/// </summary>
public static class OrdersArea
{
    public static IReadOnlyList<IFold> Folds(
        OrdersOptions orders, ExceptionPolicyOptions exceptions, FulfillmentOptions fulfillment, AlertOptions? alerts = null) =>
    [
        new OrderFold(orders),
        new ExceptionQueueFold(exceptions, alerts),
        new NodeFold(fulfillment),
        new FulfillmentNetworkFold(fulfillment),
    ];

    public static IReadOnlyList<IRouter> Routers() => [];

    /// <summary>Every invalid setting of the three option sets, for validation at start.</summary>
    public static IEnumerable<string> Problems(OrdersOptions orders, ExceptionPolicyOptions exceptions, FulfillmentOptions fulfillment) =>
        orders.Problems().Concat(exceptions.Problems()).Concat(fulfillment.Problems());
}
