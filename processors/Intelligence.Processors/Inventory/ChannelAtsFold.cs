using System.Globalization;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Inventory;

/// <summary>
/// Keyed by SKU: the ATS of each location, and from it what each channel may sell under its
/// <see cref="ChannelRule"/> (<see cref="ChannelAllocation"/>); each channel's sell rate, hours of cover,
/// and listed quantity. Writes <c>channel_ats</c> rows and <c>channel_ats</c> levels; recommends a lower
/// exposure and raises <c>oversell_risk</c> when demand threatens a channel's ATS; raises
/// <c>listing_drift</c> when a channel reports showing more than it has.
/// </summary>
public sealed class ChannelAtsFold(InventoryOptions options) : Fold<ChannelAtsState>
{
    private static readonly TimeSpan ReviewEvery = ChannelSellRate.Bucket;

    private readonly ChannelAllocationOptions _channels = options.Channels;

    // The rules in the order the options give them, as an array (walked on every review), each with
    // what the channels before it keep when its pool is scarce.
    private readonly (string Channel, ChannelRule Rule, int ProtectedWhenScarce)[] _rules =
    [
        .. options.Channels.Rules.Select(r => (r.Key, r.Value, ChannelAllocation.ProtectedWhenScarce(r.Key, r.Value, options.Channels))),
    ];

    public override string Name => "channel-ats";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(LocationAtsChanged), typeof(ChannelDemand), typeof(ListingReported)];

    protected override void Apply(ChannelAtsState state, in Message message, IOutputs outputs)
    {
        var now = message.At > message.StreamTime ? message.At : message.StreamTime;
        string? reported = null;
        switch (message.Body)
        {
            case LocationAtsChanged ats:
                state.Sku = KeptText.Keep(state.Sku, ats.Sku);
                state.SetLocationAts(ats.Location, ats.Ats);
                foreach (var position in state.Channels.Values)
                {
                    position.Share = null; // the stock changed, so every channel's share is worked out again
                }

                break;
            case ChannelDemand demand when _channels.Rules.ContainsKey(demand.Channel):
                state.Sku = KeptText.Keep(state.Sku, demand.Sku);
                ChannelSellRate.Record(PositionOf(state, demand.Channel), message.At, demand.Quantity, demand.PromotionId);
                break;
            case ListingReported listing when _channels.Rules.ContainsKey(listing.Channel):
                state.Sku = KeptText.Keep(state.Sku, listing.Sku);
                PositionOf(state, listing.Channel).Listed = listing.ListedQuantity;
                reported = listing.Channel;
                break;
            default:
                return;
        }

        Review(state, message.Key, now, reported, outputs);
    }

    protected override DateTimeOffset? DueAt(ChannelAtsState state) => state.ReviewAt;

    protected override void Tick(ChannelAtsState state, string key, DateTimeOffset now, IOutputs outputs) => Review(state, key, now, null, outputs);

    /// <summary>The row of each channel whose figures changed since its row was last written.</summary>
    protected override void WriteLatest(ChannelAtsState state, string key, long revision, IOutputs outputs)
    {
        foreach (var (channel, _, _) in _rules)
        {
            if (!state.Channels.TryGetValue(channel, out var position) || position.RowChangedAt is not { } at)
            {
                continue;
            }

            position.RowChangedAt = null;
            double? cover = position.SellRatePerHour > 0 ? Math.Round(position.Ats / position.SellRatePerHour, 2) : null;
            outputs.Write(new ChannelAtsRow(state.Sku, channel, position.Ats, position.Pool, position.Buffer, position.ExcludedUnits,
                position.ProtectedUnits, position.Listed, position.RowDrift, position.SellRatePerHour, cover, at) { Revision = position.RowRevision });
        }
    }

    private static ChannelPosition PositionOf(ChannelAtsState state, string channel)
    {
        if (!state.Channels.TryGetValue(channel, out var position))
        {
            state.Channels[channel] = position = new ChannelPosition();
        }

        return position;
    }

    private void Review(ChannelAtsState state, string key, DateTimeOffset now, string? reported, IOutputs outputs)
    {
        var anyRisk = false;
        foreach (var (channel, rule, protectedWhenScarce) in _rules)
        {
            var position = PositionOf(state, channel);
            var share = position.Share ??= ChannelAllocation.Of(rule, state.LocationAts, _channels, protectedWhenScarce);
            ChannelSellRate.Forget(position, now, _channels.SellRateWindow);
            var rate = ChannelSellRate.PerHour(position, now, _channels.SellRateWindow);
            double? cover = rate > 0 ? Math.Round(share.Ats / rate, 2) : null;
            var changed = !position.Written || reported == channel || position.Ats != share.Ats || position.Pool != share.Pool
                || position.Buffer != share.Buffer || position.ExcludedUnits != share.ExcludedUnits
                || position.ProtectedUnits != share.ProtectedUnits || position.SellRatePerHour != rate;
            if (position.Ats != share.Ats || !position.Written)
            {
                position.LevelEntity ??= $"sku-channel:{state.Sku}@{channel}";
                outputs.Level("channel_ats", position.LevelEntity, now, share.Ats);
            }

            (position.Ats, position.Pool, position.Buffer, position.ExcludedUnits, position.ProtectedUnits, position.SellRatePerHour) =
                (share.Ats, share.Pool, share.Buffer, share.ExcludedUnits, share.ProtectedUnits, rate);

            WatchCover(state.Sku, channel, position, share, rate, cover, now, outputs);
            WatchListing(state.Sku, channel, position, share, reported == channel, now, outputs);
            anyRisk |= position.RiskOpen;

            if (changed)
            {
                position.Written = true;
                position.RowChangedAt = now;
                position.RowRevision = state.Revision;
                position.RowDrift = share.KnownLocations > 0 ? position.Listed - share.Ats : null;
                outputs.Changed(this, state, key); // per channel, as each row was written: a later channel's failure cannot hold it back
            }
        }

        state.ReviewAt = anyRisk ? now + ReviewEvery : null;
    }

    private void WatchCover(
        string sku, string channel, ChannelPosition position, ChannelAllocation share, double rate, double? cover, DateTimeOffset now,
        IOutputs outputs)
    {
        if (rate < _channels.MinimumSellRatePerHour || cover is not { } hours || hours >= _channels.ExposureCoverHours
            || ChannelSellRate.Orders(position, now, _channels.SellRateWindow) < _channels.MinimumOrdersInWindow)
        {
            if (position.RiskOpen)
            {
                position.RiskOpen = false;
                position.RecommendedExposure = null;
                var resolved = ExceptionRaised.IdOf(ExceptionCategories.OversellRisk, $"{sku}@{channel}");
                outputs.Send(resolved, new ExceptionResolved(resolved, "cover_recovered"));
            }

            return;
        }

        var id = ExceptionRaised.IdOf(ExceptionCategories.OversellRisk, $"{sku}@{channel}");

        var promotion = ChannelSellRate.Promotion(position, now, _channels.SellRateWindow);
        var advice = ExposureAdvice.For(sku, channel, promotion, share, rate, hours, _channels);
        if (position.RiskOpen && position.RecommendedExposure is { } last
            && Math.Abs(advice.Exposure - last) < Math.Max(3, last / 5.0))
        {
            return; // the advice stands; no need to say it again
        }

        position.RiskOpen = true;
        position.RecommendedExposure = advice.Exposure;
        outputs.Write(new ExposureRecommendationRow(sku, channel, promotion, share.Ats, share.Pool, rate, hours, advice.Exposure,
            advice.BufferPercent, advice.Reasoning, now));
        outputs.Send(id, new ExceptionRaised(id, ExceptionCategories.OversellRisk, "sku-channel", $"{sku}@{channel}",
            new ExceptionContext(Channel: channel, Sku: sku, Risk: Math.Clamp(1 - hours / _channels.ExposureCoverHours, 0, 1)),
            advice.Reasoning));
    }

    private void WatchListing(
        string sku, string channel, ChannelPosition position, ChannelAllocation share, bool reported, DateTimeOffset now, IOutputs outputs)
    {
        if (position.Listed is not { } listed || share.KnownLocations == 0)
        {
            return; // nothing is known yet of the stock the channel sells: no drift to judge
        }

        var drift = listed - position.Ats;
        var over = drift > _channels.DriftTolerance(listed);
        if (!reported && (over || !position.DriftOpen))
        {
            return; // nothing reported and nothing to resolve
        }

        var id = ExceptionRaised.IdOf(ExceptionCategories.ListingDrift, $"{sku}@{channel}");
        if (reported)
        {
            outputs.Count("listing_drift_units", KpiEntity.Of("channel", channel), now, Math.Abs(drift));
            if (over && !position.DriftOpen)
            {
                position.DriftOpen = true;
                outputs.Send(id, new ExceptionRaised(id, ExceptionCategories.ListingDrift, "sku-channel", $"{sku}@{channel}",
                    new ExceptionContext(Channel: channel, Sku: sku, Risk: Math.Min(1, drift / (double)Math.Max(1, listed))),
                    string.Create(CultureInfo.InvariantCulture,
                        $"{channel} shows {listed} units of {sku} but may sell {position.Ats}: {drift} units more than it has.")));
            }
        }

        if (!over && position.DriftOpen)
        {
            position.DriftOpen = false;
            outputs.Send(id, new ExceptionResolved(id, reported ? "listing_corrected" : "stock_caught_up"));
        }
    }
}
