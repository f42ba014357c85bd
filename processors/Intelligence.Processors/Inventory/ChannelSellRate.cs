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
    public static void Forget(ChannelPosition position, DateTimeOffset now, TimeSpan window) =>
        position.Demand.RemoveAll(b => b.Start + Bucket <= now - window);

    /// <summary>Units per hour over the window ending at <paramref name="now"/>.</summary>
    public static double PerHour(ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        var from = now - window;
        var units = position.Demand.Where(b => b.Start + Bucket > from && b.Start <= now).Sum(b => b.Units);
        return Math.Round(units / window.TotalHours, 3);
    }

    /// <summary>Order lines in the window ending at <paramref name="now"/>.</summary>
    public static int Orders(ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        var from = now - window;
        return position.Demand.Where(b => b.Start + Bucket > from && b.Start <= now).Sum(b => b.Orders);
    }

    /// <summary>The promotion behind the window's demand when at least half of its units came with one (the latest named), else null.</summary>
    public static string? Promotion(ChannelPosition position, DateTimeOffset now, TimeSpan window)
    {
        var from = now - window;
        var inWindow = position.Demand.Where(b => b.Start + Bucket > from && b.Start <= now).ToList();
        var units = inWindow.Sum(b => b.Units);
        var promotional = inWindow.Sum(b => b.PromotionalUnits);
        return units > 0 && promotional * 2 >= units ? inWindow.LastOrDefault(b => b.PromotionId is not null)?.PromotionId : null;
    }
}
