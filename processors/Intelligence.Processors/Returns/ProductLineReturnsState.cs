using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>One product line's daily delivered and returned units (bounded by the history window) and its quality flag.</summary>
public sealed class ProductLineReturnsState : FoldState
{
    /// <summary>The UTC day of the line's first entry: its warm-up runs from here.</summary>
    public DateTimeOffset? FirstDay { get; set; }

    /// <summary>Daily buckets, oldest first, none older than the history window.</summary>
    public List<ReturnsDay> Days { get; set; } = [];

    /// <summary>When the open quality flag was raised; null when the line is not flagged.</summary>
    public DateTimeOffset? FlaggedAt { get; set; }

    /// <summary>The UTC day the open flag was raised: the baseline stays frozen before it while the flag is open.</summary>
    public DateTimeOffset? FlaggedDay { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The stream time the line was last compared at, which its row shows (derived, not stored: rows are written before state is kept).</summary>
    [JsonIgnore]
    public DateTimeOffset ComparedAt { get; set; }
}

/// <summary>
/// One UTC day of a product line: units delivered and returned, returned units by reason, and by SKU
/// (kept only while the day is in the recent window, to name the SKUs behind a flag).
/// </summary>
public sealed class ReturnsDay
{
    public DateTimeOffset Day { get; set; }
    public long Delivered { get; set; }
    public long Returned { get; set; }
    public Dictionary<string, long> Reasons { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Skus { get; set; } = new(StringComparer.Ordinal);
}
