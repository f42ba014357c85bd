using Intelligence.Contracts.Channel;
using Intelligence.Contracts.Payment;
using Intelligence.Contracts.Warehouse;
using Intelligence.Processors.Catalogue;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Keyed by order id: follows an order's money. As units ship, returns come back and money moves it
/// sends <see cref="SalesLedgerEntry"/> signals keyed by SKU (to the product fold, which passes them
/// to margin); it matches captures, refunds and chargebacks with the provider's settlement lines and
/// raises <c>unreconciled_settlement</c> when the settlement is overdue or differs. Inputs may come
/// in any order: the figures are sums, and shipments and money seen before the order are kept until
/// its prices are known.
/// </summary>
public sealed class OrderPaymentsFold(FinanceOptions options) : Fold<OrderPaymentsState>
{
    public const string Unknown = "unknown";
    public const string NoPromotion = "none";

    public override string Name => "order-payments";

    public override IReadOnlyCollection<Type> Consumes { get; } =
    [
        typeof(OrderPlaced), typeof(OrderCancelled), typeof(ShipmentDispatched), typeof(ReturnRequested), typeof(ReturnReceived),
        typeof(PaymentAuthorized), typeof(PaymentDeclined), typeof(PaymentCaptured), typeof(PaymentRefunded),
        typeof(PaymentChargeback), typeof(SettlementLineReported),
    ];

    protected override void Apply(OrderPaymentsState state, in Message message, IOutputs outputs)
    {
        if (message.Body is PaymentMovement payment)
        {
            state.Provider ??= payment.Provider;
        }

        switch (message.Body)
        {
            case OrderPlaced placed:
                OrderActivity.Place(state, placed, outputs);
                break;
            case OrderCancelled cancelled:
                OrderActivity.Cancel(state, cancelled);
                break;
            case ShipmentDispatched shipment:
                OrderActivity.Ship(state, shipment, outputs);
                break;
            case ReturnRequested requested:
                OrderActivity.Request(state, requested);
                break;
            case ReturnReceived received:
                OrderActivity.Receive(state, received, outputs);
                break;
            case PaymentAuthorized authorized:
                state.Authorized = authorized.Amount!.Value;
                break;
            case PaymentCaptured captured:
                Capture(state, message, captured.Amount!.Value, outputs);
                break;
            case PaymentRefunded refunded:
                state.Refunded += refunded.Amount!.Value;
                Moved(state, message.At);
                Count(state, PaymentKpis.RefundedAmount, message.At, refunded.Amount.Value, outputs);
                OrderActivity.Attribute(state, LedgerKinds.Refund, refunded.Amount.Value, outputs);
                break;
            case PaymentChargeback chargeback:
                state.Chargebacks += chargeback.Amount!.Value;
                Moved(state, message.At);
                Count(state, PaymentKpis.ChargebackAmount, message.At, chargeback.Amount.Value, outputs);
                OrderActivity.Attribute(state, LedgerKinds.Chargeback, chargeback.Amount.Value, outputs);
                break;
            case SettlementLineReported line:
                Settle(state, message, line, outputs);
                break;
        }

        foreach (var lag in SettlementMatching.Pair(state))
        {
            Count(state, PaymentKpis.SettlementLagHours, message.At, lag, outputs);
        }

        SettlementMatching.Review(state, message.Key, options, outputs);
        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        outputs.Changed(this, state, message.Key);
    }

    protected override DateTimeOffset? DueAt(OrderPaymentsState state) => SettlementMatching.DueAt(state, options);

    /// <summary>Once nothing is awaited (no settlement due) and no exception is open, kept <see cref="FinanceOptions.RetainFinishedFor"/>.</summary>
    protected override DateTimeOffset? RetireAt(OrderPaymentsState state) =>
        Retention.After(!state.ExceptionOpen, state.UpdatedAt, options.RetainFinishedFor);

    protected override void Tick(OrderPaymentsState state, string key, DateTimeOffset now, IOutputs outputs)
    {
        SettlementMatching.Overdue(state, key, options, outputs);
        state.UpdatedAt = now > state.UpdatedAt ? now : state.UpdatedAt;
        outputs.Changed(this, state, key);
    }

    protected override void WriteLatest(OrderPaymentsState state, string key, long revision, IOutputs outputs) =>
        outputs.Write(new OrderReconciliationRow(
            key, state.Channel ?? Unknown, state.Provider ?? Unknown, state.Captured, state.Refunded, state.Chargebacks,
            state.SettledSales, state.SettledRefunds, state.SettledChargebacks, state.Adjustments, state.Fees,
            SettlementMatching.Excluded(state, options) ? 0m : SettlementMatching.Unreconciled(state), state.Status,
            state.FirstCapturedAt, state.SettledAt, state.SettlementLagHours,
            state.Returns.Sum(r => OrderLedger.OpenValue(state, r)), state.UpdatedAt)
        {
            Revision = revision,
        });

    private static void Capture(OrderPaymentsState state, in Message message, decimal amount, IOutputs outputs)
    {
        state.Captured += amount;
        state.Captures.Add(new MoneyAt { At = message.At, Amount = amount });
        state.FirstCapturedAt = state.FirstCapturedAt is { } first && first < message.At ? first : message.At;
        Moved(state, message.At);
        Count(state, PaymentKpis.CapturedAmount, message.At, amount, outputs);
    }

    private static void Settle(OrderPaymentsState state, in Message message, SettlementLineReported line, IOutputs outputs)
    {
        state.Provider ??= line.Provider;
        switch (line.Kind)
        {
            case SettlementLineKinds.Sale:
                state.SettledSales += line.Amount;
                state.SaleLines.Add(new MoneyAt { At = line.ReportedAt, Amount = line.Amount });
                Count(state, PaymentKpis.SettledAmount, message.At, line.Amount, outputs);
                break;
            case SettlementLineKinds.Refund:
                state.SettledRefunds -= line.Amount;
                break;
            case SettlementLineKinds.Chargeback:
                state.SettledChargebacks -= line.Amount;
                break;
            case SettlementLineKinds.Adjustment:
                state.Adjustments += line.Amount;
                break;
        }

        var fees = SettlementLineKinds.FeesOf(line.Kind, line.Amount, line.Fee);
        state.Fees += fees;
        Moved(state, message.At);
        Count(state, PaymentKpis.FeesAmount, message.At, fees, outputs);
        OrderActivity.Attribute(state, LedgerKinds.Fee, fees, outputs);
    }

    private static void Moved(OrderPaymentsState state, DateTimeOffset at) =>
        state.LastMovementAt = state.LastMovementAt is { } last && last > at ? last : at;

    private static void Count(OrderPaymentsState state, string metric, DateTimeOffset at, decimal amount, IOutputs outputs)
    {
        if (amount != 0m)
        {
            Count(state, metric, at, (double)amount, outputs);
        }
    }

    /// <summary>Adds a sample to the series of the order's provider and of its channel (a lag of 0 hours is still a sample).</summary>
    private static void Count(OrderPaymentsState state, string metric, DateTimeOffset at, double value, IOutputs outputs)
    {
        outputs.Count(metric, KpiEntity.Of("provider", state.Provider ?? Unknown), at, value);
        outputs.Count(metric, KpiEntity.Of("channel", state.Channel ?? Unknown), at, value);
    }
}
