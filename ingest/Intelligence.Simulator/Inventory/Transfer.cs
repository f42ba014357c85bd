using Intelligence.Contracts;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>Stock moved between locations: it leaves at once and arrives a day or two later, now and then a unit or two short.</summary>
internal sealed class Transfer(string transferId, int from, int to, int sku, int quantity) : IHappening
{
    public static void Dispatch(Simulation sim, int from, int to, int sku, int quantity)
    {
        var transfer = new Transfer(sim.Ids.Next(Document.Transfer), from, to, sku, quantity);
        sim.Stock.Open(sku, from);
        sim.Stock.Open(sku, to);
        sim.Stock.Adjust(sku, from, -quantity);
        sim.Stock.ExpectInbound(sku, to, quantity);

        var expected = sim.Now + sim.Rng.Between(TimeSpan.FromHours(18), TimeSpan.FromHours(44));
        sim.Emit(EventTypes.TransferDispatched, sim.Sources.Locations[from], transfer.TransferId, new TransferDispatched
        {
            TransferId = transfer.TransferId,
            FromLocation = sim.LocationIds[from],
            ToLocation = sim.LocationIds[to],
            Sku = sim.SkuIds[sku],
            Quantity = quantity,
            ExpectedAt = expected,
        });
        sim.Timeline.At(sim.Rng.Chance(0.05) ? expected.AddDays(1) : expected, transfer);
    }

    public string TransferId => transferId;

    public void Happen(Simulation sim)
    {
        var received = sim.Rng.Chance(0.04) ? Math.Max(0, quantity - 1 - sim.Rng.Next(2)) : quantity;
        sim.Stock.Receive(sku, to, received);
        sim.Stock.ClearInbound(sku, to, quantity);
        sim.Emit(EventTypes.TransferReceived, sim.Sources.Locations[to], transferId, new TransferReceived
        {
            TransferId = transferId,
            FromLocation = sim.LocationIds[from],
            ToLocation = sim.LocationIds[to],
            Sku = sim.SkuIds[sku],
            Quantity = received,
        });
    }
}
