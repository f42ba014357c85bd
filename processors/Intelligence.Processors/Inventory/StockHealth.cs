using System.Runtime.InteropServices;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// The figures that say how far to trust and how long to expect a stock position to last:
/// inventory confidence, stock cover in days, and aging.
/// </summary>
public static class StockHealth
{
    /// <summary>How far back adjustments count against confidence.</summary>
    public static readonly TimeSpan AdjustmentWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// 0..1: <c>0.5^(d / halfLife) × exp(−s − k × n)</c>, where d is the days since the last count (since the
    /// position was first seen when it never was), n the adjustments and count variances in the last 30
    /// days, u their absolute units, s = u ÷ (u + on hand) their size against the stock, and k the
    /// per-adjustment penalty.
    /// </summary>
    public static double Confidence(StockPosition position, DateTimeOffset now, InventoryOptions options)
    {
        var since = position.LastCountAt ?? position.FirstSeenAt ?? now;
        var days = Math.Max(0, (now - since).TotalDays);
        var recency = Math.Pow(0.5, days / options.ConfidenceHalfLifeDays);
        var from = now - AdjustmentWindow;
        var count = 0;
        var units = 0;
        foreach (var adjustment in CollectionsMarshal.AsSpan(position.Adjustments))
        {
            if (adjustment.At > from)
            {
                count++;
                units += adjustment.Units;
            }
        }

        var size = units == 0 ? 0 : (double)units / (units + Math.Max(0, position.OnHand));
        return Math.Round(recency * Math.Exp(-size - options.ConfidencePerAdjustment * count), 4);
    }

    /// <summary>
    /// ATS ÷ daily units picked over the cover window (or over the days since the position was first seen,
    /// when that is shorter); null when nothing was picked in the window.
    /// </summary>
    public static double? CoverDays(StockPosition position, int ats, DateTimeOffset now, int windowDays)
    {
        var firstDay = DayOf(now).AddDays(1 - windowDays);
        var units = 0;
        foreach (var day in CollectionsMarshal.AsSpan(position.PicksByDay))
        {
            units += day.At >= firstDay ? day.Units : 0;
        }

        if (units <= 0)
        {
            return null;
        }

        var seen = position.FirstSeenAt is { } first ? Math.Ceiling((now - first).TotalDays) : windowDays;
        var days = Math.Clamp(seen, 1, windowDays);
        return Math.Round(Math.Max(0, ats) / (units / days), 2);
    }

    /// <summary>Adds picked units to their day and drops the days before the window.</summary>
    public static void RecordPick(StockPosition position, DateTimeOffset at, int units, DateTimeOffset now, int windowDays)
    {
        var day = DayOf(at);
        if (!AddToDay(CollectionsMarshal.AsSpan(position.PicksByDay), day, units))
        {
            position.PicksByDay = TimedUnits.Add(position.PicksByDay, day, units);
        }

        var firstDay = DayOf(now).AddDays(1 - windowDays);
        position.PicksByDay = TimedUnits.ForgetBefore(position.PicksByDay, firstDay);
    }

    private static bool AddToDay(Span<TimedUnits> days, DateTimeOffset day, int units)
    {
        foreach (ref var bucket in days)
        {
            if (bucket.At == day)
            {
                bucket.Units += units;
                return true;
            }
        }

        return false;
    }

    /// <summary>Records an adjustment or count variance and drops those older than the window.</summary>
    public static void RecordAdjustment(StockPosition position, DateTimeOffset at, int units, DateTimeOffset now)
    {
        if (units != 0)
        {
            position.Adjustments = TimedUnits.Add(position.Adjustments, at, Math.Abs(units));
        }

        var from = now - AdjustmentWindow;
        position.Adjustments = TimedUnits.ForgetThrough(position.Adjustments, from);
    }

    /// <summary>The start of the UTC day <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset DayOf(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerDay, TimeSpan.Zero);

    /// <summary>Whole and fractional days from <paramref name="since"/> to <paramref name="now"/>, or null.</summary>
    public static double? DaysSince(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } at ? Math.Round(Math.Max(0, (now - at).TotalDays), 2) : null;
}
