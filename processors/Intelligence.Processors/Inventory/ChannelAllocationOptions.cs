namespace Intelligence.Processors.Inventory;

/// <summary>
/// How each channel may sell the stock of the network, and when the channel fold warns about it.
/// The defaults follow the simulated retailer: online channels sell the DCs and the 3PL, marketplaces
/// show only part of it, stores sell their shelves and their regional DC, trade buys from the DCs.
/// </summary>
public sealed record ChannelAllocationOptions
{
    /// <summary>The rule of each channel, by channel name. A channel without a rule gets no channel ATS.</summary>
    public IReadOnlyDictionary<string, ChannelRule> Rules { get; init; } = new Dictionary<string, ChannelRule>(StringComparer.Ordinal)
    {
        ["webstore"] = new() { Priority = 1, ExcludedLocations = ["STORE-"], ProtectedWhenScarce = 3 },
        ["marketplace-amz"] = new() { Priority = 2, BufferPercent = 40, ExcludedLocations = ["STORE-"], ProtectedWhenScarce = 2 },
        ["marketplace-ebay"] = new() { Priority = 3, BufferPercent = 70, ExcludedLocations = ["STORE-"] },
        ["stores"] = new() { Priority = 1, ExcludedLocations = ["3PL-"] },
        ["wholesale"] = new() { Priority = 4, BufferPercent = 20, ExcludedLocations = ["STORE-", "3PL-"], Cap = 240 },
    };

    /// <summary>
    /// A channel's pool (the ATS of the locations it may sell) at or below this many units is scarce: the
    /// channel then also leaves the <see cref="ChannelRule.ProtectedWhenScarce"/> units of every
    /// higher-priority channel. 0 or more (0: only an empty pool is scarce).
    /// </summary>
    public int ScarceAtOrBelow { get; init; } = 20;

    /// <summary>The trailing window of event time that a channel's sell rate (units per hour) is taken over. 15 minutes to 2 days.</summary>
    public TimeSpan SellRateWindow { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Hours of cover (channel ATS ÷ sell rate) below which an exposure recommendation is made. 0.5 to 720.</summary>
    public double ExposureCoverHours { get; init; } = 12;

    /// <summary>The sell rate (units per hour) below which no recommendation is made, so slow movers stay quiet. More than 0.</summary>
    public double MinimumSellRatePerHour { get; init; } = 1;

    /// <summary>
    /// Orders in the sell-rate window below which no recommendation is made, so that one large order
    /// (a trade order of two dozen) does not read as a run on the channel. 1 or more.
    /// </summary>
    public int MinimumOrdersInWindow { get; init; } = 5;

    /// <summary>
    /// How long a listing change takes to show on a channel, in hours: the recommended exposure leaves what
    /// the channel sells in that time. 0 to 48.
    /// </summary>
    public double ListingSyncHours { get; init; } = 1;

    /// <summary>A listing may show this many units more than the channel's ATS before it is drift. 0 or more.</summary>
    public int DriftToleranceUnits { get; init; } = 5;

    /// <summary>...and this percentage of the listed quantity more (the larger of the two applies). 0 to 100.</summary>
    public double DriftTolerancePercent { get; init; } = 25;

    /// <summary>The units by which a listing of <paramref name="listed"/> units may exceed the channel's ATS without being drift.</summary>
    public double DriftTolerance(int listed) => Math.Max(DriftToleranceUnits, listed * DriftTolerancePercent / 100);

    /// <summary>Each invalid setting, with the valid range; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (channel, rule) in Rules)
        {
            foreach (var problem in rule.Problems($"Inventory:Channels:Rules:{channel}"))
            {
                yield return problem;
            }
        }

        if (ScarceAtOrBelow < 0)
        {
            yield return $"Inventory:Channels:ScarceAtOrBelow is {ScarceAtOrBelow}; it must be 0 or more.";
        }

        if (SellRateWindow < TimeSpan.FromMinutes(15) || SellRateWindow > TimeSpan.FromDays(2))
        {
            yield return $"Inventory:Channels:SellRateWindow is {SellRateWindow}; it must be from 00:15:00 to 2.00:00:00.";
        }

        if (!(ExposureCoverHours is >= 0.5 and <= 720))
        {
            yield return $"Inventory:Channels:ExposureCoverHours is {ExposureCoverHours}; it must be from 0.5 to 720.";
        }

        if (!(MinimumSellRatePerHour > 0))
        {
            yield return $"Inventory:Channels:MinimumSellRatePerHour is {MinimumSellRatePerHour}; it must be more than 0.";
        }

        if (MinimumOrdersInWindow < 1)
        {
            yield return $"Inventory:Channels:MinimumOrdersInWindow is {MinimumOrdersInWindow}; it must be 1 or more.";
        }

        if (!(ListingSyncHours is >= 0 and <= 48))
        {
            yield return $"Inventory:Channels:ListingSyncHours is {ListingSyncHours}; it must be from 0 to 48.";
        }

        if (DriftToleranceUnits < 0)
        {
            yield return $"Inventory:Channels:DriftToleranceUnits is {DriftToleranceUnits}; it must be 0 or more.";
        }

        if (!(DriftTolerancePercent is >= 0 and <= 100))
        {
            yield return $"Inventory:Channels:DriftTolerancePercent is {DriftTolerancePercent}; it must be from 0 to 100.";
        }
    }
}

/// <summary>How one channel may sell the stock of the network.</summary>
public sealed record ChannelRule
{
    /// <summary>1 is served first; a larger number gives way when stock is scarce. 1 to 99.</summary>
    public int Priority { get; init; } = 1;

    /// <summary>The share of the channel's pool it does not show, against overselling. 0 to 100.</summary>
    public double BufferPercent { get; init; }

    /// <summary>Locations whose stock the channel may not sell, by exact id or id prefix (<c>STORE-</c>).</summary>
    public IReadOnlyList<string> ExcludedLocations { get; init; } = [];

    /// <summary>The most the channel may show, or null for no cap. 0 or more.</summary>
    public int? Cap { get; init; }

    /// <summary>Units lower-priority channels leave for this one when their pool is scarce. 0 or more.</summary>
    public int ProtectedWhenScarce { get; init; }

    /// <summary>True when the channel may not sell stock at <paramref name="location"/>.</summary>
    public bool Excludes(string location)
    {
        for (var i = 0; i < ExcludedLocations.Count; i++) // by index: asked for every location on every review, so no enumerator is boxed
        {
            if (location.StartsWith(ExcludedLocations[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal IEnumerable<string> Problems(string path)
    {
        if (Priority is < 1 or > 99)
        {
            yield return $"{path}:Priority is {Priority}; it must be from 1 to 99.";
        }

        if (!(BufferPercent is >= 0 and <= 100))
        {
            yield return $"{path}:BufferPercent is {BufferPercent}; it must be from 0 to 100.";
        }

        if (Cap < 0)
        {
            yield return $"{path}:Cap is {Cap}; it must be 0 or more, or absent for no cap.";
        }

        if (ProtectedWhenScarce < 0)
        {
            yield return $"{path}:ProtectedWhenScarce is {ProtectedWhenScarce}; it must be 0 or more.";
        }

        if (ExcludedLocations.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{path}:ExcludedLocations has an empty entry; each must be a location id or prefix.";
        }
    }
}
