namespace Intelligence.Processors.Inventory;

/// <summary>The inventory area's settings: stock positions per SKU × location and channel ATS per SKU.</summary>
public sealed record InventoryOptions
{
    /// <summary>Safety stock in units held back from ATS at every location without an override. 0 or more.</summary>
    public int DefaultSafetyStock { get; init; }

    /// <summary>
    /// Safety stock per location, by exact id (<c>DC-EAST</c>) or by id prefix (<c>STORE-</c>); an exact id
    /// wins over a prefix, a longer prefix over a shorter one. Store shelves keep one unit back by default:
    /// shoppers have units in their baskets that the book still shows.
    /// </summary>
    public IReadOnlyDictionary<string, int> SafetyStockByLocation { get; init; } =
        new Dictionary<string, int>(StringComparer.Ordinal) { ["STORE-"] = 1 };

    /// <summary>
    /// How far back in event time (from the latest event time seen) movements are journalled so that a late
    /// count can be re-based on the movements after it. A count older than this is applied as it stands.
    /// 1 minute to 30 days.
    /// </summary>
    public TimeSpan CountGrace { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long (stream time) reserved + held must exceed on hand before an oversell is raised. 0 to 1 day.</summary>
    public TimeSpan OversellGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Days after the last count at which the count's share of inventory confidence has halved. 1 to 365.</summary>
    public double ConfidenceHalfLifeDays { get; init; } = 30;

    /// <summary>How much each adjustment (or count variance) in the last 30 days costs confidence, on the exponent. 0 to 1.</summary>
    public double ConfidencePerAdjustment { get; init; } = 0.05;

    /// <summary>Days of picks that the daily pick rate behind stock cover is taken over. 1 to 60.</summary>
    public int CoverWindowDays { get; init; } = 7;

    /// <summary>How each channel may sell the stock of the locations, and when the channel fold warns.</summary>
    public ChannelAllocationOptions Channels { get; init; } = new();

    /// <summary>The safety stock of <paramref name="location"/>: its own override, else its longest matching prefix, else the default.</summary>
    public int SafetyStockAt(string location)
    {
        if (SafetyStockByLocation.TryGetValue(location, out var exact))
        {
            return exact;
        }

        var best = -1;
        var units = DefaultSafetyStock;
        foreach (var (prefix, value) in SafetyStockByLocation)
        {
            if (prefix.Length > best && location.StartsWith(prefix, StringComparison.Ordinal))
            {
                (best, units) = (prefix.Length, value);
            }
        }

        return units;
    }

    /// <summary>Each invalid setting, with the valid range; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (DefaultSafetyStock < 0)
        {
            yield return $"Inventory:DefaultSafetyStock is {DefaultSafetyStock}; it must be 0 or more.";
        }

        foreach (var (location, units) in SafetyStockByLocation)
        {
            if (string.IsNullOrWhiteSpace(location) || units < 0)
            {
                yield return $"Inventory:SafetyStockByLocation:'{location}' is {units}; a location id or prefix needs 0 or more units.";
            }
        }

        if (CountGrace < TimeSpan.FromMinutes(1) || CountGrace > TimeSpan.FromDays(30))
        {
            yield return $"Inventory:CountGrace is {CountGrace}; it must be from 00:01:00 to 30.00:00:00.";
        }

        if (OversellGrace < TimeSpan.Zero || OversellGrace > TimeSpan.FromDays(1))
        {
            yield return $"Inventory:OversellGrace is {OversellGrace}; it must be from 00:00:00 to 1.00:00:00.";
        }

        if (!(ConfidenceHalfLifeDays is >= 1 and <= 365))
        {
            yield return $"Inventory:ConfidenceHalfLifeDays is {ConfidenceHalfLifeDays}; it must be from 1 to 365.";
        }

        if (!(ConfidencePerAdjustment is >= 0 and <= 1))
        {
            yield return $"Inventory:ConfidencePerAdjustment is {ConfidencePerAdjustment}; it must be from 0 to 1.";
        }

        if (CoverWindowDays is < 1 or > 60)
        {
            yield return $"Inventory:CoverWindowDays is {CoverWindowDays}; it must be from 1 to 60.";
        }

        foreach (var problem in Channels.Problems())
        {
            yield return problem;
        }
    }
}
