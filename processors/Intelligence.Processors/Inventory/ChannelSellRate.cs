namespace Intelligence.Processors.Inventory;

/// <summary>
/// A channel's recent demand for a SKU: units ordered per quarter hour, summed over the trailing
/// sell-rate window (a quarter hour overlapping the window counts whole) and divided by its length.
/// </summary>
public static class ChannelSellRate
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(15);

    public static void Record(ChannelPosition position, DateTimeOffset at, int units, string? promotionId)
    {
        var start = new DateTimeOffset(at.UtcTicks - at.UtcTicks % Bucket.Ticks, TimeSpan.Zero);
        var bucket = position.Demand.Find(b => b.Start == start);
        if (bucket is null)
        {
            bucket = new DemandBucket { Start = start };
            position.Demand.Add(bucket);
            position.Demand.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        bucket.Units += units;
        bucket.Orders++;
        if (promotionId is not null)
        {
            bucket.PromotionalUnits += units;
            bucket.PromotionId = promotionId;
        }
    }

    /// <summary>Drops the quarter hours wholly before the window that ends at <paramref name="now"/>.</summary>
    public static void Forget(ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        // Buckets are kept in time order: the ones to drop are a prefix.
        var demand = position.Demand;
        var drop = 0;
        while (drop < demand.Count && demand[drop].Start + Bucket <= now - window)
        {
            drop++;
        }

        if (drop > 0)
        {
            demand.RemoveRange(0, drop);
        }
    }

    /// <summary>Units per hour over the window ending at <paramref name="now"/>.</summary>
    public static double PerHour(ChannelPosition position, DateTimeOffset now, TimeSpan window) =>
        Math.Round(InWindow(position, now, window).Units / window.TotalHours, 3);

    /// <summary>Order lines in the window ending at <paramref name="now"/>.</summary>
    public static int Orders(ChannelPosition position, DateTimeOffset now, TimeSpan window) => InWindow(position, now, window).Orders;

    /// <summary>The promotion behind the window's demand when at least half of its units came with one (the latest named), else null.</summary>
    public static string? Promotion(ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        var (units, _, promotional, latest) = InWindow(position, now, window);
        return units > 0 && promotional * 2 >= units ? latest : null;
    }

    private static (int Units, int Orders, int PromotionalUnits, string? LatestPromotion) InWindow(
        ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        var from = now - window;
        int units = 0, orders = 0, promotional = 0;
        string? latest = null;
        foreach (var b in position.Demand)
        {
            if (b.Start + Bucket > from && b.Start <= now)
            {
                units += b.Units;
                orders += b.Orders;
                promotional += b.PromotionalUnits;
                latest = b.PromotionId ?? latest;
            }
        }

        return (units, orders, promotional, latest);
    }
}
