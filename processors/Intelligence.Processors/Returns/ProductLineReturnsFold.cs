using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Returns;

/// <summary>
/// Keyed by product line (category): daily delivered and returned units from the product fold's
/// <see cref="ReturnsEntry"/> signals, the recent return rate against the line's own baseline, and a
/// quality flag (<c>return_rate_quality</c>) when the recent rate rises significantly above it; the
/// flag clears when the rate is back to normal. Writes the units as KPI counts per category, channel,
/// supplier and reason, so that SQL can cut return rates any of those ways.
/// </summary>
public sealed class ProductLineReturnsFold(ReturnsOptions options) : Fold<ProductLineReturnsState>
{
    public const string FoldName = "product-line-returns";

    public override string Name => FoldName;

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ReturnsEntry)];

    protected override void Apply(ProductLineReturnsState state, in Message message, IOutputs outputs)
    {
        var entry = (ReturnsEntry)message.Body;
        WriteKpis(entry, message.At, outputs);

        var now = message.At > message.StreamTime ? message.At : message.StreamTime;
        var today = ReturnsDays.Of(now);
        var day = ReturnsDays.Of(message.At);
        if (state.FirstDay is null || day < state.FirstDay)
        {
            state.FirstDay = day;
        }

        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        Forget(state, today);
        if (day > today.AddDays(-options.HistoryDays))
        {
            Count(state, day, entry); // older than the history window: in the KPI counts only
        }

        Judge(state, message.Key, now, today, ReturnRateComparison.Of(state, now, options, tops: false), outputs);
        state.ComparedAt = now;
        outputs.Changed(this, state, message.Key);
    }

    protected override void WriteLatest(ProductLineReturnsState state, string key, long revision, IOutputs outputs) =>
        outputs.Write(ProductLineReturnsRow.Of(key, state, ReturnRateComparison.Of(state, state.ComparedAt, options), revision));

    private static void WriteKpis(ReturnsEntry entry, DateTimeOffset at, IOutputs outputs)
    {
        string[] entities = [KpiEntity.Of("category", entry.Category), KpiEntity.Of("channel", entry.Channel), KpiEntity.Of("supplier", entry.SupplierId)];
        foreach (var entity in entities)
        {
            if (entry.Delivered != 0)
            {
                outputs.Count("units_delivered", entity, at, entry.Delivered);
            }

            if (entry.Returned != 0)
            {
                outputs.Count("units_returned", entity, at, entry.Returned);
            }
        }

        if (entry.Returned != 0)
        {
            outputs.Count("units_returned", KpiEntity.Of("reason", entry.Reason ?? "unknown"), at, entry.Returned);
            new KpiObserved(KpiFamilies.Returns.Name, entities[0], entry.Returned, Drivers:
            [
                new KpiDriver(KpiEntity.Of("reason", entry.Reason ?? "unknown"), entry.Returned),
                new KpiDriver($"sku:{entry.Sku}", entry.Returned),
                new KpiDriver(KpiEntity.Of("supplier", entry.SupplierId), entry.Returned),
            ]).SendTo(outputs);
        }
    }

    /// <summary>Drops days past the history window, and SKU detail of days past the recent window.</summary>
    private void Forget(ProductLineReturnsState state, DateTimeOffset today)
    {
        var oldest = today.AddDays(1 - options.HistoryDays);
        state.Days.RemoveAll(d => d.Day < oldest);
        var recentFrom = today.AddDays(1 - options.RecentDays);
        foreach (var d in state.Days)
        {
            if (d.Day < recentFrom && d.Skus.Count > 0)
            {
                d.Skus.Clear();
            }
        }
    }

    private static void Count(ProductLineReturnsState state, DateTimeOffset day, ReturnsEntry entry)
    {
        var at = state.Days.FindIndex(d => d.Day >= day);
        if (at < 0 || state.Days[at].Day != day)
        {
            at = at < 0 ? state.Days.Count : at;
            state.Days.Insert(at, new ReturnsDay { Day = day });
        }

        var bucket = state.Days[at];
        bucket.Delivered += entry.Delivered;
        if (entry.Returned != 0)
        {
            bucket.Returned += entry.Returned;
            var reason = entry.Reason ?? "unknown";
            bucket.Reasons[reason] = bucket.Reasons.GetValueOrDefault(reason) + entry.Returned;
            bucket.Skus[entry.Sku] = bucket.Skus.GetValueOrDefault(entry.Sku) + entry.Returned;
        }
    }

    private void Judge(
        ProductLineReturnsState state, string category, DateTimeOffset now, DateTimeOffset today, ReturnRateComparison c, IOutputs outputs)
    {
        var id = ExceptionRaised.IdOf(ExceptionCategories.ReturnRateQuality, category);
        if (state.FlaggedAt is null && c.Judged && c.Z >= options.FlagZScore && c.Increase >= options.MinimumRateIncrease)
        {
            c = ReturnRateComparison.Of(state, now, options); // with the top reasons and SKUs, which the flag names
            state.FlaggedAt = now;
            state.FlaggedDay = today;
            outputs.Write(QualityFlagRow.Of(category, now, "opened", now, c));
            outputs.Send(id, new ExceptionRaised(
                id, ExceptionCategories.ReturnRateQuality, "product_line", category,
                new ExceptionContext(Risk: Math.Round(Math.Clamp(c.Increase / c.RateRecent!.Value, 0, 1), 3)),
                $"{category}: {c.ReturnedRecent} units asked back in the last {options.RecentDays} days, {c.RateRecent:P1} of the "
                + $"{c.ExposureRecent:0} delivered units they stem from, against {c.RateBaseline:P1} before (z {c.Z:0.0}); top reasons {string.Join(", ", c.TopReasons)}; "
                + $"top SKUs {string.Join(", ", c.TopSkus)}."));
        }
        else if (state.FlaggedAt is { } opened && c.Judged && c.Z < options.ClearZScore)
        {
            c = ReturnRateComparison.Of(state, now, options);
            outputs.Write(QualityFlagRow.Of(category, now, "closed", opened, c));
            outputs.Send(id, new ExceptionResolved(id, "returned_to_normal"));
            state.FlaggedAt = null;
            state.FlaggedDay = null;
        }
    }
}
