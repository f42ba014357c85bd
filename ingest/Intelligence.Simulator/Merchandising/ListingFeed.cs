using System.Runtime.CompilerServices;
using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Merchandising;

/// <summary>
/// The inventory and price feed to the online channels. Every six hours it sends what changed enough
/// to matter (a third or more, anything near zero, any price change); promotions push their prices
/// at once. A channel only shows its share of the online stock, a buffer against overselling.
/// </summary>
internal sealed class ListingFeed : IHappening
{
    private static readonly TimeSpan Cadence = TimeSpan.FromHours(6);

    private readonly int _skus;
    private readonly int[] _listed;
    private readonly decimal[] _price;
    private readonly string?[] _keys;

    public ListingFeed(Simulation sim)
    {
        _skus = sim.Plan.Skus;
        _listed = new int[SalesChannels.OnlineCount * _skus];
        _price = new decimal[_listed.Length];
        _keys = new string?[_listed.Length];

        // What the channels show when the run starts is taken as already sent.
        for (var channel = 0; channel < SalesChannels.OnlineCount; channel++)
        {
            for (var sku = 0; sku < _skus; sku++)
            {
                _listed[channel * _skus + sku] = Listable(sim, channel, sku);
                _price[channel * _skus + sku] = sim.Prices.For(sku, channel);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Happen(Simulation sim)
    {
        for (var channel = 0; channel < SalesChannels.OnlineCount; channel++)
        {
            for (var sku = 0; sku < _skus; sku++)
            {
                Send(sim, channel, sku, force: false);
            }
        }

        sim.Timeline.After(Cadence, this);
    }

    /// <summary>Sends the listing now, changed or not (a promotion starting, a price review).</summary>
    public void Publish(Simulation sim, int channel, int sku) => Send(sim, channel, sku, force: true);

    public static int Listable(Simulation sim, int channel, int sku)
    {
        var online = 0;
        for (var node = 0; node < Assortment.OnlineNodes; node++)
        {
            // A node whose stock of the SKU has not been booked in yet is not sellable: the channel cannot show it.
            if (sim.Stock.IsOpened(sku, node))
            {
                online += Math.Max(0, sim.Stock.Available(sku, node));
            }
        }

        return (int)(online * SalesChannels.ListingShare[channel]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Send(Simulation sim, int channel, int sku, bool force)
    {
        var i = channel * _skus + sku;
        var listed = Listable(sim, channel, sku);
        var price = sim.Promotions.Price(sim.Prices, channel, sku);
        var last = _listed[i];
        var moved = listed != last
            && (listed <= 3 || last <= 3 || Math.Abs(listed - last) >= Math.Max(4, last / 3));
        if (!force && !moved && price == _price[i])
        {
            return;
        }

        _listed[i] = listed;
        _price[i] = price;
        var channelName = SalesChannels.All[channel];
        var skuId = sim.SkuIds[sku];
        sim.Emit(EventTypes.ListingUpdated, Sources.Channel(channel), _keys[i] ??= PartitionKeys.Listing(channelName, skuId),
            new ListingUpdated { Channel = channelName, Sku = skuId, ListedQuantity = listed, Price = price });
    }
}
