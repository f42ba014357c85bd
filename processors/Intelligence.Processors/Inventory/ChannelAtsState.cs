using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>The ATS of one SKU at every location and what each channel may sell of it.</summary>
public sealed class ChannelAtsState : FoldState, IJsonOnDeserialized
{
    public string Sku { get; set; } = "";

    /// <summary>ATS by location, as the stock position fold last sent it.</summary>
    public Dictionary<string, int> LocationAts { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ChannelPosition> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a location's ATS. A full table grows by a quarter, not by doubling: left to double, twenty
    /// locations sit in a table for 37, a third of the SKU's state; this way they sit in one for 23.
    /// </summary>
    public void SetLocationAts(string location, int ats)
    {
        var capacity = LocationAts.EnsureCapacity(0);
        if (LocationAts.Count == capacity && !LocationAts.ContainsKey(location))
        {
            LocationAts.EnsureCapacity(capacity + capacity / 4 + 1);
        }

        LocationAts[location] = ats;
    }

    /// <summary>Read back from a checkpoint or a store, the location table is no larger than its entries need.</summary>
    void IJsonOnDeserialized.OnDeserialized() => LocationAts.TrimExcess();

    /// <summary>When to look again while an oversell risk is open: its sell rate falls as the window moves on.</summary>
    public DateTimeOffset? ReviewAt { get; set; }
}

/// <summary>One channel's share of a SKU, its recent demand and its open warnings.</summary>
public sealed class ChannelPosition
{
    public int Ats { get; set; }
    public int Pool { get; set; }
    public int Buffer { get; set; }
    public int ExcludedUnits { get; set; }
    public int ProtectedUnits { get; set; }
    public int? Listed { get; set; }
    public double SellRatePerHour { get; set; }
    public bool Written { get; set; }

    /// <summary>Units ordered per quarter hour over the sell-rate window.</summary>
    public List<DemandBucket> Demand { get; set; } = [];

    public bool RiskOpen { get; set; }

    /// <summary>The exposure last recommended while the risk is open.</summary>
    public int? RecommendedExposure { get; set; }

    public bool DriftOpen { get; set; }

    /// <summary>
    /// What the channel may sell of the SKU's stock as it now stands (derived, not stored: worked out
    /// again on first use after any location's ATS changes).
    /// </summary>
    [JsonIgnore]
    public ChannelAllocation? Share { get; set; }

    /// <summary>When the channel's row last changed, while it waits to be written (derived, not stored: rows are written before state is kept).</summary>
    [JsonIgnore]
    public DateTimeOffset? RowChangedAt { get; set; }

    /// <summary>The SKU's revision when the channel's row last changed (derived, not stored, as <see cref="RowChangedAt"/>).</summary>
    [JsonIgnore]
    public long RowRevision { get; set; }

    /// <summary>Listed less ATS when the row last changed, null while no location's stock is known (derived, not stored).</summary>
    [JsonIgnore]
    public int? RowDrift { get; set; }

    /// <summary>The series its ATS level goes to, <c>sku-channel:SKU@channel</c> (derived, not stored: named on first use).</summary>
    [JsonIgnore]
    public string? LevelEntity { get; set; }
}

/// <summary>Units and orders in the quarter hour from <see cref="Start"/>, and how many units came with a promotion (the latest named).</summary>
public sealed class DemandBucket
{
    public DateTimeOffset Start { get; set; }
    public int Units { get; set; }
    public int Orders { get; set; }
    public int PromotionalUnits { get; set; }
    public string? PromotionId { get; set; }
}
