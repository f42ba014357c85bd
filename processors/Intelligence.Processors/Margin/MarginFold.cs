using Intelligence.Processors.Anomalies;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Finance;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Margin;

/// <summary>
/// Keyed by <c>SKU|channel|promotion</c>: adds up the <see cref="MarginEntry"/> signals the product fold
/// passes on (ledger entries with their COGS) into revenue, discount, COGS, fees, shipping, refunds,
/// chargebacks and contribution; writes the latest figures, KPI deltas per channel and promotion, and
/// a <c>margin_leakage</c> row each time a leak opens or closes. Entries only add, so their order
/// does not matter and there is no grace period. A promotion's figures are forgotten
/// <see cref="MarginOptions.RetainPromotionFor"/> after its last entry; the figures without a promotion
/// (one key per SKU and channel) are kept.
/// </summary>
public sealed class MarginFold(MarginOptions options) : Fold<MarginState>
{
    public override string Name => "margin";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(MarginEntry)];

    protected override void Apply(MarginState state, in Message message, IOutputs outputs)
    {
        var entry = (MarginEntry)message.Body;
        Span<decimal> before = stackalloc decimal[MarginKpis.Names.Count];
        Figures(state, before);
        var (contribution, netRevenue, leak) = (state.Contribution, state.NetRevenue, state.Discount + state.Fees + state.Refunds);
        state.Sku = KeptText.Keep(state.Sku, entry.Sku);
        state.Channel = KeptText.Keep(state.Channel, entry.Channel);
        state.PromotionId = KeptText.Keep(state.PromotionId, entry.PromotionId);
        if (entry.Category != ProductFold.Unknown || state.Category.Length == 0)
        {
            state.Category = KeptText.Keep(state.Category, entry.Category);
        }

        Add(state, entry);
        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        Span<decimal> after = stackalloc decimal[MarginKpis.Names.Count];
        Figures(state, after);
        var (channel, promotion) = (KpiEntity.Of("channel", state.Channel), KpiEntity.Of("promotion", state.PromotionId));
        for (var i = 0; i < after.Length; i++)
        {
            var delta = after[i] - before[i];
            if (delta != 0m)
            {
                outputs.Count(MarginKpis.Names[i], channel, message.At, (double)delta);
                outputs.Count(MarginKpis.Names[i], promotion, message.At, (double)delta);
            }
        }

        ObserveMargin(channel, promotion, state.Contribution - contribution, state.NetRevenue - netRevenue,
            state.Discount + state.Fees + state.Refunds - leak, outputs);
        Judge(state, message.At, outputs);
        outputs.Changed(this, state, message.Key);
    }

    protected override void WriteLatest(MarginState state, string key, long revision, IOutputs outputs) =>
        outputs.Write(new MarginRow(
            state.Sku, state.Category, state.Channel, state.PromotionId, state.Units, state.RefundedUnits, state.RestockedUnits,
            state.Revenue, state.Discount, state.NetRevenue, state.Cogs, state.Fees, state.ShippingCharged, state.ShippingCost,
            state.Refunds, state.Chargebacks, state.Contribution, state.MarginPercent, [.. state.Leaks], state.UpdatedAt)
        {
            Revision = revision,
        });

    protected override DateTimeOffset? RetireAt(MarginState state) =>
        Retention.After(state.PromotionId is not ("" or OrderPaymentsFold.NoPromotion), state.UpdatedAt, options.RetainPromotionFor);

    /// <summary>The channel's margin rate for anomaly scoring: contribution over net revenue, with the promotion's discounts, fees and refunds as the driver.</summary>
    private static void ObserveMargin(string channel, string promotion, decimal contribution, decimal netRevenue, decimal leak, IOutputs outputs)
    {
        if (contribution != 0m || netRevenue != 0m)
        {
            new KpiObserved(KpiFamilies.Margin.Name, channel, (double)contribution, (double)netRevenue,
                [new KpiDriver(promotion, (double)leak)]).SendTo(outputs);
        }
    }

    private static void Add(MarginState state, MarginEntry entry)
    {
        state.Cogs += entry.Cogs;
        switch (entry.Kind)
        {
            case LedgerKinds.Revenue:
                state.Revenue += entry.Amount;
                state.Units += entry.Units;
                break;
            case LedgerKinds.Discount:
                state.Discount += entry.Amount;
                break;
            case LedgerKinds.ShippingCharged:
                state.ShippingCharged += entry.Amount;
                break;
            case LedgerKinds.ShippingCost:
                state.ShippingCost += entry.Amount;
                break;
            case LedgerKinds.Fee:
                state.Fees += entry.Amount;
                break;
            case LedgerKinds.Refund:
                state.Refunds += entry.Amount;
                state.RefundedUnits += entry.Units;
                break;
            case LedgerKinds.Chargeback:
                state.Chargebacks += entry.Amount;
                break;
            case LedgerKinds.Restocked:
                state.RestockedUnits += entry.Units;
                break;
        }
    }

    /// <summary>Writes a leakage row for each component whose leaking state changed; open leaks stay open below the minimum revenue.</summary>
    private void Judge(MarginState state, DateTimeOffset at, IOutputs outputs)
    {
        if (!LeakComponents.Judge(state, options, out var figures))
        {
            return;
        }

        foreach (var (component, percent, limit, leaking) in figures)
        {
            if (leaking == state.Leaks.Contains(component))
            {
                continue;
            }

            if (leaking)
            {
                state.Leaks.Add(component);
            }
            else
            {
                state.Leaks.Remove(component);
            }

            outputs.Write(new MarginLeakageRow(
                state.Sku, state.Category, state.Channel, state.PromotionId, component, leaking ? "opened" : "closed", percent, limit,
                state.Revenue, state.NetRevenue, state.Contribution, state.MarginPercent, at));
        }
    }

    /// <summary>The figures of <see cref="MarginKpis.Names"/>, in that order.</summary>
    private static void Figures(MarginState s, Span<decimal> figures)
    {
        (figures[0], figures[1], figures[2], figures[3], figures[4], figures[5]) =
            (s.Revenue, s.NetRevenue, s.Cogs, s.Fees, s.Refunds, s.Contribution);
    }
}
