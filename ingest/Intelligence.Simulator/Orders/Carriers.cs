using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Orders;

/// <summary>Who carries a parcel, when they collect from each kind of node, how long they take and what they charge.</summary>
internal static class Carriers
{
    public const string StoreCourier = "StoreCourier";
    public const string PalletLine = "PalletLine";

    private static readonly int[] DcCollections = [9, 13, 17, 21];
    private static readonly int[] ThreePlCollections = [10, 14, 19];
    private static readonly int[] StoreCollections = [10, 12, 14, 16, 18, 20];
    private static readonly string[] DelayReasons = ["weather", "hub_capacity", "address_query", "vehicle_breakdown", "volume_surge"];

    public static string Choose(Random rng, int node, int channel)
    {
        if (channel == SalesChannels.Wholesale)
        {
            return PalletLine;
        }

        if (node >= Assortment.FirstStore)
        {
            return StoreCourier;
        }

        var roll = rng.NextDouble();
        return node == Assortment.ThreePl
            ? roll < 0.6 ? "DPD" : "GLS"
            : roll < 0.5 ? "DHL" : roll < 0.8 ? "DPD" : "UPS";
    }

    /// <summary>The next carrier collection at the node once the parcel is packed.</summary>
    public static DateTimeOffset NextCollection(int node, DateTimeOffset packed)
    {
        var slots = node >= Assortment.FirstStore ? StoreCollections : node == Assortment.ThreePl ? ThreePlCollections : DcCollections;
        var next = DateTimeOffset.MaxValue;
        foreach (var hour in slots)
        {
            var slot = Calendar.NextHour(packed, hour);
            next = slot < next ? slot : next;
        }

        return next;
    }

    public static TimeSpan Transit(Random rng, int node, string carrier) => carrier switch
    {
        StoreCourier => rng.Between(TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        PalletLine => rng.Between(TimeSpan.FromDays(2), TimeSpan.FromDays(4)),
        _ when node == Assortment.ThreePl => rng.Between(TimeSpan.FromHours(20), TimeSpan.FromHours(70)),
        _ => rng.Chance(0.85) ? rng.Between(TimeSpan.FromHours(16), TimeSpan.FromHours(30)) : rng.Between(TimeSpan.FromHours(40), TimeSpan.FromHours(54)),
    };

    public static decimal Cost(Random rng, string carrier) => carrier switch
    {
        StoreCourier => 2.50m,
        PalletLine => 45m + rng.Next(76),
        _ => 3.20m + rng.Next(37) * 0.10m,
    };

    public static string DelayReason(Random rng) => rng.Pick(DelayReasons);
}
