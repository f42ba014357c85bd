using Intelligence.Contracts;
using Intelligence.Contracts.Channel;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Streamiz.Tests.Support;

// Small folds that use every path of a runtime: a router that re-keys (SKU@channel → SKU), a
// two-hop chain (SKU → channel → "all"), a timer whose tick sends a signal, order-sensitive state
// and lateness, so that a runtime that delivers in another order or another key shows a difference.

public sealed record ListingSeen(string Sku, string Channel, int Quantity, decimal Price) : ISignal;

public sealed record ChannelListed(string Channel, string Sku, int Delta) : ISignal;

public sealed record ChannelWentQuiet(string Channel, DateTimeOffset Since) : ISignal;

/// <summary>Re-keys a listing (keyed SKU@channel) to its SKU.</summary>
public sealed class ListingRouter : IRouter
{
    public IReadOnlyCollection<Type> Consumes { get; } = [typeof(ListingUpdated)];

    public void Route(RetailEvent e, IOutputs outputs)
    {
        var listing = (ListingUpdated)e.Payload;
        outputs.Send(listing.Sku!, new ListingSeen(listing.Sku!, listing.Channel!, listing.ListedQuantity!.Value, listing.Price!.Value));
    }
}

/// <summary>Keyed by SKU: the quantity listed per channel; passes each change on to the channel.</summary>
public sealed class SkuListings : Fold<SkuListings.State>
{
    public override string Name => "sku-listings";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ListingSeen)];

    protected override void Apply(State state, in Message message, IOutputs outputs)
    {
        var seen = (ListingSeen)message.Body;
        if (seen.Quantity == 13)
        {
            throw new InvalidOperationException("an unlucky quantity");
        }

        var delta = seen.Quantity - state.Listed.GetValueOrDefault(seen.Channel);
        state.Listed[seen.Channel] = seen.Quantity;
        if (seen.Quantity == 0)
        {
            state.Listed.Remove(seen.Channel);
        }

        state.LatestPrice = seen.Price;
        state.MaxLatenessSeconds = Math.Max(state.MaxLatenessSeconds, message.Lateness.TotalSeconds);
        outputs.Send(seen.Channel, new ChannelListed(seen.Channel, seen.Sku, delta));
        outputs.Write(new SkuListingRow(message.Key, state.Listed.Values.Sum(), state.Listed.Count, state.LatestPrice) { Revision = state.Revision });
        outputs.Write(KpiCount.Of("listing_updates", $"sku:{message.Key}", message.At, 1));
    }

    public sealed class State : FoldState
    {
        public Dictionary<string, int> Listed { get; set; } = [];
        public decimal LatestPrice { get; set; }
        public double MaxLatenessSeconds { get; set; }
    }
}

/// <summary>Keyed by channel: what it lists, in arrival order; ticks when no listing came for 30 minutes.</summary>
public sealed class ChannelBoard : Fold<ChannelBoard.State>
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(30);

    public override string Name => "channel-board";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ChannelListed)];

    protected override void Apply(State state, in Message message, IOutputs outputs)
    {
        var listed = (ChannelListed)message.Body;
        state.Units += listed.Delta;
        state.Arrivals.Add($"{listed.Sku}:{listed.Delta}");
        state.QuietAt = message.At + Quiet;
        outputs.Write(new ChannelBoardRow(message.Key, state.Units, state.Arrivals.Count, state.QuietTicks) { Revision = state.Revision });
    }

    protected override DateTimeOffset? DueAt(State state) => state.QuietAt;

    protected override void Tick(State state, string key, DateTimeOffset now, IOutputs outputs)
    {
        state.QuietAt = null;
        state.QuietTicks++;
        outputs.Write(KpiCount.Of("channel_quiet", $"channel:{key}", now, 1));
        outputs.Send("all", new ChannelWentQuiet(key, now));
    }

    public sealed class State : FoldState
    {
        public long Units { get; set; }
        public List<string> Arrivals { get; set; } = [];
        public DateTimeOffset? QuietAt { get; set; }
        public int QuietTicks { get; set; }
    }
}

/// <summary>Keyed "all": every channel that went quiet, in the order the ticks were delivered.</summary>
public sealed class QuietLog : Fold<QuietLog.State>
{
    public override string Name => "quiet-log";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ChannelWentQuiet)];

    protected override void Apply(State state, in Message message, IOutputs outputs)
    {
        var quiet = (ChannelWentQuiet)message.Body;
        state.Entries.Add($"{quiet.Channel}@{quiet.Since:O} by {message.EventId}");
        outputs.Write(KpiLevel.Of("quiet_channels", "all", message.At, state.Entries.Count));
        outputs.Write(new QuietEntryRow(quiet.Channel, quiet.Since, message.StreamTime));
    }

    public sealed class State : FoldState
    {
        public List<string> Entries { get; set; } = [];
    }
}

public sealed record SkuListingRow(string Sku, long Listed, int Channels, decimal LatestPrice) : StateRow
{
    public override string Table => "sku_listings";

    public override string RowKey => Sku;
}

public sealed record ChannelBoardRow(string Channel, long Units, int Arrivals, int QuietTicks) : StateRow
{
    public override string Table => "channel_board";

    public override string RowKey => Channel;
}

/// <summary>An append-only row: one per quiet spell.</summary>
public sealed record QuietEntryRow(string Channel, DateTimeOffset Since, DateTimeOffset StreamTime) : OutputRow
{
    public override string Table => "quiet_entries";
}
