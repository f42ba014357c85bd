using Intelligence.Contracts;
using Intelligence.Contracts.Warehouse;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Inventory;

/// <summary>
/// The simulator's own stock ledger per SKU and location: on hand, reserved for orders, on quality
/// hold and inbound. Events are emitted so that a consumer folding them arrives at the same figures.
/// A location's stock of a SKU is booked in (an opening <c>stock.received</c>) before any other event
/// touches it.
/// </summary>
internal sealed class StockBook
{
    private const int CasePack = 6;

    private readonly Simulation _sim;
    private readonly int _locations;
    private readonly int[] _onHand;
    private readonly int[] _reserved;
    private readonly int[] _held;
    private readonly int[] _inbound;
    private readonly int[] _reorderPoint;
    private readonly int[] _orderUpTo;
    private readonly bool[] _opened;
    private readonly string?[] _keys;

    public StockBook(Simulation sim)
    {
        _sim = sim;
        var plan = sim.Plan;
        _locations = plan.Locations;
        var size = plan.Skus * _locations;
        _onHand = new int[size];
        _reserved = new int[size];
        _held = new int[size];
        _inbound = new int[size];
        _reorderPoint = new int[size];
        _orderUpTo = new int[size];
        _opened = new bool[size];
        _keys = new string?[size];
        Size(sim.Rng, sim.Catalogue, plan.DailyUnits);
    }

    public int Index(int sku, int location) => sku * _locations + location;

    public string Key(int sku, int location) =>
        _keys[Index(sku, location)] ??= PartitionKeys.Stock(_sim.SkuIds[sku], _sim.LocationIds[location]);

    public bool IsOpened(int sku, int location) => _opened[Index(sku, location)];

    public int OnHand(int sku, int location) => _onHand[Index(sku, location)];

    /// <summary>What can still be promised: on hand less reserved and held.</summary>
    public int Available(int sku, int location)
    {
        var i = Index(sku, location);
        return _onHand[i] - _reserved[i] - _held[i];
    }

    /// <summary>Available plus what is already on its way.</summary>
    public int Position(int sku, int location) => Available(sku, location) + _inbound[Index(sku, location)];

    public int ReorderPoint(int sku, int location) => _reorderPoint[Index(sku, location)];

    public int OrderUpTo(int sku, int location) => _orderUpTo[Index(sku, location)];

    /// <summary>Emits the opening balance the first time a SKU at a location is touched.</summary>
    public void Open(int sku, int location)
    {
        var i = Index(sku, location);
        if (_opened[i])
        {
            return;
        }

        _opened[i] = true;
        var skuId = _sim.SkuIds[sku];
        var locationId = _sim.LocationIds[location];
        var source = _sim.Sources.Locations[location];
        if (_onHand[i] > 0)
        {
            _sim.Emit(EventTypes.StockReceived, source, Key(sku, location),
                new StockReceived { Location = locationId, Sku = skuId, Quantity = _onHand[i], Reference = "opening-balance" });
        }
        else
        {
            _sim.Emit(EventTypes.StockCounted, source, Key(sku, location),
                new StockCounted { Location = locationId, Sku = skuId, CountedQuantity = 0 });
        }
    }

    public void Reserve(int sku, int location, int quantity) => _reserved[Index(sku, location)] += quantity;

    public void Unreserve(int sku, int location, int quantity) => _reserved[Index(sku, location)] -= quantity;

    /// <summary>
    /// The reservation is used up; the picked units leave the shelf, and so do the
    /// <paramref name="missing"/> units the book had but the shelf did not (written off by the caller).
    /// </summary>
    public void Pick(int sku, int location, int allocated, int picked, int missing)
    {
        var i = Index(sku, location);
        _reserved[i] -= allocated;
        _onHand[i] -= picked + missing;
    }

    public void Receive(int sku, int location, int quantity) => _onHand[Index(sku, location)] += quantity;

    public void Adjust(int sku, int location, int delta) => _onHand[Index(sku, location)] += delta;

    public void Count(int sku, int location, int counted) => _onHand[Index(sku, location)] = counted;

    public void Hold(int sku, int location, int quantity) => _held[Index(sku, location)] += quantity;

    public void ReleaseHold(int sku, int location, int quantity) => _held[Index(sku, location)] -= quantity;

    public void ExpectInbound(int sku, int location, int quantity) => _inbound[Index(sku, location)] += quantity;

    public void ClearInbound(int sku, int location, int quantity) =>
        _inbound[Index(sku, location)] = Math.Max(0, _inbound[Index(sku, location)] - quantity);

    /// <summary>How much to order to bring the position back up, in case packs; zero when none is needed.</summary>
    public int ReorderQuantity(int sku, int location)
    {
        var i = Index(sku, location);
        var position = _onHand[i] - _reserved[i] - _held[i] + _inbound[i];
        if (!_opened[i] || _orderUpTo[i] == 0 || position > _reorderPoint[i])
        {
            return 0;
        }

        var need = _orderUpTo[i] - position;
        return location < Assortment.OnlineNodes ? (need + CasePack - 1) / CasePack * CasePack : need;
    }

    /// <summary>Opening stock and reorder levels from expected demand: days of cover differ per SKU, as they do in a real network.</summary>
    private void Size(Random rng, Catalogue catalogue, double[] dailyUnits)
    {
        var assortment = catalogue.Assortment;
        for (var sku = 0; sku < catalogue.Skus.Count; sku++)
        {
            var lead = catalogue.Suppliers[assortment.SupplierOf[sku]].PromisedLeadTimeDays;
            for (var location = 0; location < _locations; location++)
            {
                var i = Index(sku, location);
                var daily = dailyUnits[i];
                if (location < Assortment.OnlineNodes && assortment.EndOfLine[sku])
                {
                    // Being run down: a few days' stock left and no more coming.
                    _onHand[i] = Math.Max(1, (int)Math.Ceiling(daily * (1 + rng.NextDouble() * 4)));
                }
                else if (location < Assortment.OnlineNodes)
                {
                    _onHand[i] = Math.Max(3, (int)Math.Ceiling(daily * (5 + rng.NextDouble() * 35)));
                    _reorderPoint[i] = (int)Math.Ceiling(daily * (lead + 4)) + 1;
                    var batch = Math.Max(CasePack, (int)Math.Ceiling(daily * 14));
                    _orderUpTo[i] = _reorderPoint[i] + batch;
                }
                else if (daily > 0)
                {
                    // Stores open above their reorder point; the nightly run tops them up by at least a few units.
                    _reorderPoint[i] = (int)Math.Ceiling(daily * 4) + 1;
                    _orderUpTo[i] = _reorderPoint[i] + Math.Max(3, (int)Math.Ceiling(daily * 10));
                    _onHand[i] = Math.Max(_reorderPoint[i] + 2, (int)Math.Ceiling(daily * (7 + rng.NextDouble() * 18)));
                }
            }
        }
    }
}
