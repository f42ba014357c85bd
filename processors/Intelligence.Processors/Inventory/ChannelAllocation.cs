namespace Intelligence.Processors.Inventory;

/// <summary>
/// What one channel may sell of a SKU, from the ATS of each location:
/// <c>pool = Σ max(0, ATS) over locations the channel may sell</c>,
/// <c>buffer = ⌈pool × buffer% ⌉</c>,
/// <c>protected = Σ ProtectedWhenScarce of higher-priority channels when pool ≤ ScarceAtOrBelow, else 0</c>,
/// <c>channel ATS = min(cap, max(0, pool − buffer − protected))</c>.
/// <see cref="KnownLocations"/> counts the locations the channel may sell that have reported a stock position.
/// </summary>
public readonly record struct ChannelAllocation(int Pool, int ExcludedUnits, int Buffer, int ProtectedUnits, int Ats, int KnownLocations)
{
    /// <summary>
    /// What the channel may sell; <paramref name="protectedWhenScarce"/> is what the channels served
    /// before it keep when its pool is scarce (<see cref="ProtectedWhenScarce"/>: it depends only on the rules).
    /// </summary>
    public static ChannelAllocation Of(
        ChannelRule rule, Dictionary<string, int> locationAts, ChannelAllocationOptions options, int protectedWhenScarce)
    {
        var pool = 0;
        var excluded = 0;
        var known = 0;
        foreach (var (location, ats) in locationAts)
        {
            var excludes = rule.Excludes(location);
            known += excludes ? 0 : 1;
            if (ats <= 0)
            {
                continue; // a location short of stock cannot take units from the others
            }

            if (excludes)
            {
                excluded += ats;
            }
            else
            {
                pool += ats;
            }
        }

        var buffer = (int)Math.Ceiling(pool * (decimal)rule.BufferPercent / 100m);
        var protectedUnits = pool <= options.ScarceAtOrBelow ? protectedWhenScarce : 0;
        var available = Math.Max(0, pool - buffer - protectedUnits);
        return new ChannelAllocation(pool, excluded, buffer, protectedUnits, rule.Cap is { } cap ? Math.Min(cap, available) : available, known);
    }

    /// <summary>The units the channels served before <paramref name="channel"/> (a lower priority number) keep when its pool is scarce.</summary>
    public static int ProtectedWhenScarce(string channel, ChannelRule rule, ChannelAllocationOptions options)
    {
        var protectedUnits = 0;
        foreach (var (other, higher) in options.Rules)
        {
            if (other != channel && higher.Priority < rule.Priority)
            {
                protectedUnits += higher.ProtectedWhenScarce;
            }
        }

        return protectedUnits;
    }
}
