using Intelligence.Contracts;
using Intelligence.Contracts.Supplier;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// A purchase order on its way in: most suppliers send an ASN a day or two before the goods arrive;
/// the node books the goods in against the PO, sometimes short or with damaged units, and puts a
/// few lines on quality hold.
/// </summary>
internal sealed class InboundPurchaseOrder(
    string poId, int supplier, int node, List<(int Sku, int Quantity)> lines, DateTimeOffset promisedAt) : IHappening
{
    private readonly int[] _shipped = new int[lines.Count];
    private DateTimeOffset _arrival;
    private string? _asnId;
    private bool _asnDue;

    public string PoId => poId;

    public DateTimeOffset PromisedAt => promisedAt;

    public void Book(Simulation sim)
    {
        var rng = sim.Rng;
        var slip = sim.Scenarios.SlipDays(supplier, promisedAt);
        var days = slip > 0 ? slip + rng.NextDouble() * 0.3
            : rng.Chance(0.80) ? -0.4 + rng.NextDouble() * 0.7
            : rng.Chance(0.75) ? 0.5 + rng.NextDouble() * 1.5
            : -1 + rng.NextDouble() * 0.5;
        var earliest = sim.Now.AddHours(12);
        _arrival = promisedAt.AddDays(days);
        _arrival = _arrival < earliest ? earliest : _arrival;

        for (var i = 0; i < lines.Count; i++)
        {
            var ordered = lines[i].Quantity;
            _shipped[i] = rng.Chance(0.06) ? Math.Max(1, (int)(ordered * (0.5 + rng.NextDouble() * 0.4))) : ordered;
        }

        _asnDue = rng.Chance(0.85);
        var asnAt = _arrival - rng.Between(TimeSpan.FromHours(12), TimeSpan.FromDays(2));
        sim.Timeline.At(_asnDue && asnAt > sim.Now ? asnAt : _arrival, this);
        _asnDue &= asnAt > sim.Now;
    }

    public void Happen(Simulation sim)
    {
        if (_asnDue)
        {
            _asnDue = false;
            SendAsn(sim);
            sim.Timeline.At(_arrival, this);
            return;
        }

        Receive(sim);
    }

    private void SendAsn(Simulation sim)
    {
        _asnId = sim.Ids.Next(Document.Asn);
        var shipped = new ShippedLine[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            shipped[i] = new ShippedLine { Sku = sim.SkuIds[lines[i].Sku], Quantity = _shipped[i] };
        }

        sim.Emit(EventTypes.AsnSent, Sources.SupplierEdi, poId, new AsnSent
        {
            AsnId = _asnId,
            PoId = poId,
            SupplierId = sim.SupplierIds[supplier],
            Location = sim.LocationIds[node],
            ExpectedAt = _arrival,
            Lines = shipped,
        });
    }

    private void Receive(Simulation sim)
    {
        var rng = sim.Rng;
        var received = new ReceivedLine[lines.Count];
        var holds = new List<(int Sku, int Quantity)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (sku, ordered) = lines[i];
            // The ASN is not always right: a few lines arrive a unit or two short of what it said.
            var quantity = rng.Chance(0.03) ? Math.Max(0, _shipped[i] - 1 - rng.Next(2)) : _shipped[i];
            var damaged = quantity > 0 && rng.Chance(0.03) ? Math.Min(quantity, 1 + rng.Next(Math.Max(1, quantity / 20))) : 0;
            received[i] = new ReceivedLine { Sku = sim.SkuIds[sku], Quantity = quantity, Damaged = damaged };

            sim.Stock.Open(sku, node);
            sim.Stock.Receive(sku, node, quantity - damaged);
            sim.Stock.ClearInbound(sku, node, ordered);
            var good = quantity - damaged;
            if (good >= 2 && rng.Chance(0.04))
            {
                holds.Add((sku, 1 + rng.Next(good / 2)));
            }
        }

        sim.Emit(EventTypes.PurchaseOrderReceived, sim.Sources.Locations[node], poId, new PurchaseOrderReceived
        {
            PoId = poId,
            AsnId = _asnId,
            SupplierId = sim.SupplierIds[supplier],
            Location = sim.LocationIds[node],
            Lines = received,
        });

        foreach (var (sku, quantity) in holds)
        {
            QualityHold.Place(sim, sku, node, quantity, "quality_inspection");
        }
    }
}
