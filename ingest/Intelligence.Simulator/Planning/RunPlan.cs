namespace Intelligence.Simulator.Planning;

/// <summary>
/// The shape of a run, fixed before it starts: how long it covers, how busy it is, and the expected
/// demand per SKU and node that stock levels and warehouse capacity are sized from. Sizing from
/// expected demand keeps a 20k-event run and a 2M-event run equally realistic.
/// </summary>
internal sealed class RunPlan
{
    /// <summary>Inputs per simulated day that set the span: a 200k run covers about three weeks.</summary>
    public const double EventsPerDay = 10_000;

    /// <summary>Measured: events per order, counting fulfilment, payments, returns and the stock and
    /// finance traffic that grows with orders.</summary>
    public const double EventsPerOrder = 10.8;

    public const double RetailLinesPerOrder = 1.76;
    public const double RetailUnitsPerLine = 1.23;
    public const double TradeLinesPerOrder = 4;
    public const double TradeUnitsPerLine = 15;

    /// <summary>Trade customers buy from the best sellers only.</summary>
    public const int TradeRange = 300;

    public const double MaxOrdersPerDay = 2_000_000;

    /// <summary>Where online orders ship from: the region's node (east, west, north).</summary>
    public static readonly double[] RegionShare = [0.40, 0.35, 0.25];

    public RunPlan(SimulationOptions options, Catalogue catalogue)
    {
        Start = options.Start.ToUniversalTime();
        Span = options.Span;
        var days = Span.TotalDays;
        Skus = options.Skus;
        Locations = catalogue.Locations.Count;
        Stores = options.Stores;

        OpeningSkus = (int)Math.Min(options.Skus, Math.Max(100, options.Events / 100));
        StoreRange = Math.Min(options.Skus, Math.Clamp(OpeningSkus / 2, 40, 120));
        OpeningEvents = OpeningSkus * Assortment.OnlineNodes + StoreRange * Stores + catalogue.Suppliers.Count;
        PriceChangesPerReview = Math.Max(1, Skus / 100);
        ProductEvents = Skus + (int)Math.Ceiling(days / 7) * PriceChangesPerReview;

        // Slow lines outside the opening range are booked in when first sold: a few percent of a small run.
        var laterBookIns = Math.Min(0.03 * options.Events, (options.Skus - OpeningSkus) * Assortment.OnlineNodes);

        // Sized from the event count alone, not the bad-input mix, so that turning bad input on leaves the world as it was.
        var worldEvents = options.Events - OpeningEvents - ProductEvents - laterBookIns;
        // Beyond the longest span a bigger run means a busier business, up to a sane ceiling.
        OrdersPerDay = Math.Clamp(worldEvents / days / EventsPerOrder, 2, MaxOrdersPerDay);

        DailyUnits = new double[Skus * Locations];
        PickLinesPerHour = new double[Locations];
        SizeDemand(catalogue.Assortment);
    }

    public DateTimeOffset Start { get; }

    public TimeSpan Span { get; }

    public DateTimeOffset End => Start + Span;

    public int Skus { get; }

    public int Locations { get; }

    public int Stores { get; }

    public double OrdersPerDay { get; }

    /// <summary>The best sellers whose stock is booked in at every fulfilment node at the start;
    /// slower lines are booked in the first time they are needed.</summary>
    public int OpeningSkus { get; }

    /// <summary>How many of the best sellers each store ranges.</summary>
    public int StoreRange { get; }

    public int OpeningEvents { get; }

    /// <summary>How many SKUs each weekly price review reprices.</summary>
    public int PriceChangesPerReview { get; }

    /// <summary>Product master records: one per SKU at the start, and at most one per price change.</summary>
    public int ProductEvents { get; }

    /// <summary>Expected units sold per day, by <c>sku * Locations + location</c>.</summary>
    public double[] DailyUnits { get; }

    /// <summary>Expected order lines per hour each node must pick.</summary>
    public double[] PickLinesPerHour { get; }

    /// <summary>A moment a given fraction of the way through the run.</summary>
    public DateTimeOffset At(double fraction) => Start + TimeSpan.FromMinutes(Math.Round(Span.TotalMinutes * fraction));

    public double ExpectedOrdersPerSecond(int channel) => OrdersPerDay * SalesChannels.OrderShare[channel] / 86_400;

    private void SizeDemand(Assortment assortment)
    {
        var onlineShare = SalesChannels.OrderShare[SalesChannels.Webstore] + SalesChannels.OrderShare[SalesChannels.Amazon]
            + SalesChannels.OrderShare[SalesChannels.Ebay];
        var retailUnits = RetailLinesPerOrder * RetailUnitsPerLine;
        var onlineUnitsPerDay = OrdersPerDay * onlineShare * retailUnits;
        var tradeUnitsPerDay = OrdersPerDay * SalesChannels.OrderShare[SalesChannels.Wholesale] * TradeLinesPerOrder * TradeUnitsPerLine;
        var storeUnitsPerDay = OrdersPerDay * SalesChannels.OrderShare[SalesChannels.Stores] * retailUnits / Stores;

        var tradeTotal = assortment.CumulativeByRank[Math.Min(TradeRange, Skus) - 1];
        var rangeTotal = assortment.CumulativeByRank[StoreRange - 1];
        var allTotal = assortment.CumulativeByRank[Skus - 1];
        for (var rank = 0; rank < Skus; rank++)
        {
            var sku = assortment.ByRank[rank];
            var share = assortment.Popularity[sku];
            var weight = share * allTotal;
            var tradeShare = rank < TradeRange ? weight / tradeTotal : 0;
            for (var node = 0; node < Assortment.OnlineNodes; node++)
            {
                var trade = node == Assortment.ThreePl ? 0 : tradeUnitsPerDay * tradeShare / 2;
                DailyUnits[sku * Locations + node] = onlineUnitsPerDay * share * RegionShare[node] + trade;
            }

            if (rank < StoreRange)
            {
                for (var store = Assortment.FirstStore; store < Locations; store++)
                {
                    DailyUnits[sku * Locations + store] = storeUnitsPerDay * weight / rangeTotal;
                }
            }
        }

        var onlineLinesPerHour = OrdersPerDay * onlineShare * RetailLinesPerOrder / 24;
        var tradeLinesPerHour = OrdersPerDay * SalesChannels.OrderShare[SalesChannels.Wholesale] * TradeLinesPerOrder / 24;
        for (var node = 0; node < Assortment.OnlineNodes; node++)
        {
            PickLinesPerHour[node] = onlineLinesPerHour * RegionShare[node] + (node == Assortment.ThreePl ? 0 : tradeLinesPerHour / 2);
        }

        for (var store = Assortment.FirstStore; store < Locations; store++)
        {
            PickLinesPerHour[store] = OrdersPerDay * SalesChannels.OrderShare[SalesChannels.Stores] * RetailLinesPerOrder / Stores / 24;
        }
    }
}
