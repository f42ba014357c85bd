using System.Text.Json.Serialization;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// The stock of one SKU at one location: the figures ATS is made of, the count journal, and the history
/// behind confidence, cover and aging. There is one for every SKU x location, so it is kept small: its
/// collections exist only while they hold something (null, and left out of the JSON, otherwise), its
/// SKU and location names are shared between positions, its times take 8 bytes each (<see cref="PackedTime"/>),
/// and its journal entries are values in their list, not objects of their own.
/// </summary>
public sealed class StockPosition : FoldState, IJsonOnDeserialized
{
    private PackedTime _lastCountAt = PackedTime.None;
    private PackedTime _firstSeenAt = PackedTime.None;
    private PackedTime _lastReceiptAt = PackedTime.None;
    private PackedTime _lastPickAt = PackedTime.None;
    private PackedTime _oversellDueAt = PackedTime.None;
    private PackedTime _journalFrom;
    private PackedTime _updatedAt;

    public string Sku { get; set; } = "";
    public string Location { get; set; } = "";
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public int QualityHold { get; set; }
    public int ReturnsInTransit { get; set; }

    /// <summary>Units expected on open purchase orders, by PO id.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, ExpectedUnits>? Inbound { get; set; }

    /// <summary>Transfers on their way here, by transfer id.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, ExpectedUnits>? TransfersIn { get; set; }

    /// <summary>Transfers that left here and have not arrived, by transfer id.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, int>? TransfersOut { get; set; }

    /// <summary>Event time of the count on hand is based on; movements at or before it are already in it.</summary>
    public DateTimeOffset? LastCountAt { get => _lastCountAt.OrNull; set => _lastCountAt = PackedTime.Of(value); }

    /// <summary>On-hand movements after the last count, newer than <see cref="JournalFrom"/>: what a late count is re-based on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TimedUnits>? Journal { get; set; }

    /// <summary>The journal holds every on-hand movement after this event time; a count before it cannot be re-based.</summary>
    public DateTimeOffset JournalFrom { get => _journalFrom.Instant; set => _journalFrom = PackedTime.Of(value); }

    /// <summary>Adjustments and count variances (absolute units) of the last 30 days, for confidence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TimedUnits>? Adjustments { get; set; }

    /// <summary>Units picked per UTC day, for the cover window.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TimedUnits>? PicksByDay { get; set; }

    /// <summary>True once on hand has been moved or counted: from then on a count can find the book wrong.</summary>
    public bool Booked { get; set; }

    public DateTimeOffset? FirstSeenAt { get => _firstSeenAt.OrNull; set => _firstSeenAt = PackedTime.Of(value); }
    public DateTimeOffset? LastReceiptAt { get => _lastReceiptAt.OrNull; set => _lastReceiptAt = PackedTime.Of(value); }
    public DateTimeOffset? LastPickAt { get => _lastPickAt.OrNull; set => _lastPickAt = PackedTime.Of(value); }
    public DateTimeOffset UpdatedAt { get => _updatedAt.Instant; set => _updatedAt = PackedTime.Of(value); }

    /// <summary>The ATS last sent to the channel fold, so that only changes are sent.</summary>
    public int? AtsSent { get; set; }

    /// <summary>When an oversell that has not been raised yet is to be raised, if it lasts.</summary>
    public DateTimeOffset? OversellDueAt { get => _oversellDueAt.OrNull; set => _oversellDueAt = PackedTime.Of(value); }

    public bool OversellOpen { get; set; }

    /// <summary>
    /// What is physically sellable before safety stock: on hand less reserved and held. Negative is an oversell.
    /// Reserved and held are signed balances, so that a pick or release arriving before its allocation or
    /// hold still nets out; below zero they count as none, never as extra stock.
    /// </summary>
    [JsonIgnore]
    public int Unpromised => OnHand - ReservedUnits - HeldUnits;

    /// <summary>Units reserved, as published: a balance below zero (a pick ahead of its allocation) is none.</summary>
    [JsonIgnore]
    public int ReservedUnits => Math.Max(0, Reserved);

    /// <summary>Units on quality hold, as published: a release ahead of (or beyond) its hold is none.</summary>
    [JsonIgnore]
    public int HeldUnits => Math.Max(0, QualityHold);

    [JsonIgnore]
    public int InboundUnits => ExpectedUnits.Sum(Inbound);

    [JsonIgnore]
    public DateTimeOffset? InboundExpectedAt => ExpectedUnits.Earliest(Inbound);

    [JsonIgnore]
    public int TransfersInUnits => ExpectedUnits.Sum(TransfersIn);

    [JsonIgnore]
    public int TransfersOutUnits
    {
        get
        {
            var units = 0;
            if (TransfersOut is not null)
            {
                foreach (var (_, moved) in TransfersOut)
                {
                    units += moved;
                }
            }

            return units;
        }
    }

    /// <summary>Read back from a checkpoint or a store, the lists are sized to what they hold, as a fold leaves them.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        Journal = TimedUnits.Trimmed(Journal);
        Adjustments = TimedUnits.Trimmed(Adjustments);
        PicksByDay = TimedUnits.Trimmed(PicksByDay);
    }

    /// <summary>The SKU and location, named once per position and their text shared with every other position's.</summary>
    public void Identify(string sku, string location)
    {
        if (!string.Equals(Sku, sku, StringComparison.Ordinal))
        {
            Sku = string.Intern(sku);
        }

        if (!string.Equals(Location, location, StringComparison.Ordinal))
        {
            Location = string.Intern(location);
        }
    }
}

/// <summary>Units expected at a location and when (null: no date given).</summary>
public sealed class ExpectedUnits
{
    public int Units { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }

    public static int Sum(Dictionary<string, ExpectedUnits>? expected)
    {
        var units = 0;
        if (expected is not null)
        {
            foreach (var (_, e) in expected)
            {
                units += e.Units;
            }
        }

        return units;
    }

    /// <summary>The earliest date among those still expecting units (null: none, or none dated).</summary>
    public static DateTimeOffset? Earliest(Dictionary<string, ExpectedUnits>? expected)
    {
        DateTimeOffset? earliest = null;
        if (expected is not null)
        {
            foreach (var (_, e) in expected)
            {
                if (e.Units > 0 && e.ExpectedAt is { } at && !(earliest <= at))
                {
                    earliest = at;
                }
            }
        }

        return earliest;
    }
}

/// <summary>Units at an event time: a journal entry, an adjustment, or a day's picks (16 bytes in its list).</summary>
public struct TimedUnits
{
    private PackedTime _at;

    public DateTimeOffset At { readonly get => _at.Instant; set => _at = PackedTime.Of(value); }

    public int Units { get; set; }

    /// <summary>
    /// A list that exists only while it holds something, with the entry added: the caller keeps what this
    /// returns. A new list has room for one entry, as most positions hold one or two: 72 bytes with its
    /// entry, where a list made at the default four takes 120.
    /// </summary>
    public static List<TimedUnits> Add(List<TimedUnits>? entries, DateTimeOffset at, int units)
    {
        entries ??= new List<TimedUnits>(1);
        entries.Add(new TimedUnits { At = at, Units = units });
        return entries;
    }

    /// <summary>The list with no room beyond its entries, or null when it has none.</summary>
    public static List<TimedUnits>? Trimmed(List<TimedUnits>? entries)
    {
        if (entries is not { Count: > 0 })
        {
            return null;
        }

        entries.TrimExcess();
        return entries;
    }

    /// <summary>Removes the entries at or before <paramref name="through"/>; the caller keeps what this returns, null once none is left (no delegate made, as this runs on every stock event).</summary>
    public static List<TimedUnits>? ForgetThrough(List<TimedUnits>? entries, DateTimeOffset through) => Forget(entries, through, inclusive: true);

    /// <summary>Removes the entries before <paramref name="from"/>; null once none is left.</summary>
    public static List<TimedUnits>? ForgetBefore(List<TimedUnits>? entries, DateTimeOffset from) => Forget(entries, from, inclusive: false);

    private static List<TimedUnits>? Forget(List<TimedUnits>? entries, DateTimeOffset edge, bool inclusive)
    {
        if (entries is null)
        {
            return null;
        }

        var kept = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var at = entries[i].At;
            if (at > edge || (!inclusive && at == edge))
            {
                entries[kept++] = entries[i];
            }
        }

        entries.RemoveRange(kept, entries.Count - kept);
        return kept > 0 ? entries : null;
    }
}
