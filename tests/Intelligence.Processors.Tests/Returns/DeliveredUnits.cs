using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Returns;

/// <summary>
/// Test only. The order fold that sends <see cref="UnitsDelivered"/> on <c>shipment.delivered</c> is
/// another area's work, and <c>shipment.delivered</c> carries no lines; so this fold, keyed by order id,
/// remembers each order's channel (<c>order.placed</c>) and each parcel's lines
/// (<c>shipment.dispatched</c>) and sends the delivered units per SKU when the parcel arrives.
/// </summary>
public sealed class DeliveredUnits : Fold<DeliveredUnits.Parcels>
{
    public override string Name => "test-delivered-units";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(OrderPlaced), typeof(ShipmentDispatched), typeof(ShipmentDelivered)];

    protected override void Apply(Parcels state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case OrderPlaced order:
                state.Channel = order.Channel;
                break;
            case ShipmentDispatched parcel:
                state.Lines[parcel.ShipmentId!] = [.. parcel.Lines!.Select(l => new ParcelLine { Sku = l.Sku!, Quantity = l.Quantity!.Value })];
                break;
            case ShipmentDelivered delivered when state.Lines.Remove(delivered.ShipmentId!, out var lines):
                foreach (var line in lines)
                {
                    outputs.Send(line.Sku, new UnitsDelivered(line.Sku, state.Channel ?? "unknown", line.Quantity));
                }

                break;
        }
    }

    public sealed class Parcels : FoldState
    {
        public string? Channel { get; set; }
        public Dictionary<string, List<ParcelLine>> Lines { get; set; } = [];
    }

    public sealed class ParcelLine
    {
        public string Sku { get; set; } = "";
        public int Quantity { get; set; }
    }
}
