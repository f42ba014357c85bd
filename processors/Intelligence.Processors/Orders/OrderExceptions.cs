using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Orders;

/// <summary>
/// Raises and resolves the order's exceptions with its context (channel, value, tier, risk), and
/// remembers which are open so each is resolved once.
/// </summary>
public sealed class OrderExceptions(OrdersOptions options)
{
    public const string OrderKind = "order";
    public const string LineKind = "order-line";
    public const string ShipmentKind = "shipment";
    public const string ReturnKind = "return";

    public static string LineEntity(string orderId, string lineId) => $"{orderId}/{lineId}";

    public void Raise(
        OrderState order, IOutputs outputs, string category, string kind, string entity, string detail,
        string? location = null, string? sku = null)
    {
        var id = ExceptionRaised.IdOf(category, entity);
        if (!order.OpenExceptions.Contains(id))
        {
            order.OpenExceptions.Add(id);
        }

        var context = new ExceptionContext(
            order.Channel, order.OrderValue, order.CustomerTier, location, null, sku,
            OrderRisk.Score(options, order.OrderValue, order.CustomerTier, order.Holds));
        outputs.Send(id, new ExceptionRaised(id, category, kind, entity, context, detail));
    }

    /// <summary>Resolves the exception if this order raised it and it is still open.</summary>
    public static void Resolve(OrderState order, IOutputs outputs, string category, string entity, string resolution)
    {
        var id = ExceptionRaised.IdOf(category, entity);
        if (order.OpenExceptions.Remove(id))
        {
            outputs.Send(id, new ExceptionResolved(id, resolution));
        }
    }

    /// <summary>Resolves every open exception of a category (the damaged returns of an order on its refund).</summary>
    public static void ResolveAll(OrderState order, IOutputs outputs, string category, string resolution)
    {
        var prefix = category + ":";
        foreach (var id in order.OpenExceptions.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            order.OpenExceptions.Remove(id);
            outputs.Send(id, new ExceptionResolved(id, resolution));
        }
    }
}
