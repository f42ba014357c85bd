using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>
/// Re-keys a <c>return.requested</c> (keyed by order) to its SKU as <see cref="UnitsReturned"/>, for
/// the product fold to join with the product line and supplier.
/// </summary>
public sealed class ReturnsRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } = [typeof(ReturnRequested)];

    public void Route(RetailEvent e, IOutputs outputs)
    {
        var request = (ReturnRequested)e.Payload;
        outputs.Send(request.Sku!, new UnitsReturned(request.Sku!, request.Channel!, request.Quantity!.Value, request.Reason!, request.OrderId!));
    }
}
