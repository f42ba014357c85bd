using Intelligence.Contracts.Payment;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Keyed by settlement id: a provider's statement and its payout. A statement reported again under
/// the same id replaces the earlier figures (a restatement); a payout seen before its statement is
/// kept and compared once the statement arrives. A statement reported and paid is forgotten
/// <see cref="FinanceOptions.RetainFinishedFor"/> after its last event.
/// </summary>
public sealed class SettlementFold(FinanceOptions options) : Fold<SettlementState>
{
    public override string Name => "settlements";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(SettlementReported), typeof(PayoutPaid)];

    protected override void Apply(SettlementState state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case SettlementReported statement:
                Report(state, statement, message.At);
                break;
            case PayoutPaid payout:
                state.Provider ??= payout.Provider;
                state.PayoutId = payout.PayoutId;
                state.PayoutAmount = payout.Amount!.Value;
                state.PaidAt = message.At;
                break;
        }

        if (message.At > state.UpdatedAt)
        {
            state.UpdatedAt = message.At;
        }

        var status = state.ReportedAt is null ? "payout_only" : state.PaidAt is null ? "reported" : "paid";
        var difference = state.ReportedAt is not null && state.PayoutAmount is { } paid ? paid - state.Net : (decimal?)null;
        var lag = state.ReportedAt is { } reported && state.PaidAt is { } at ? (at - reported).TotalHours : (double?)null;
        outputs.Write(new SettlementRow(
            message.Key, state.Provider!, status, state.PeriodStart, state.PeriodEnd, state.ReportedAt, state.Lines, state.GrossSales,
            state.Refunds, state.Chargebacks, state.Adjustments, state.Fees, state.Net, state.PayoutId, state.PayoutAmount, difference,
            state.PaidAt, lag, state.UpdatedAt)
        {
            Revision = state.Revision,
        });
    }

    protected override DateTimeOffset? RetireAt(SettlementState state) =>
        Retention.After(state.ReportedAt is not null && state.PaidAt is not null, state.UpdatedAt, options.RetainFinishedFor);

    private static void Report(SettlementState state, SettlementReported statement, DateTimeOffset at)
    {
        state.Provider = statement.Provider;
        state.PeriodStart = statement.PeriodStart;
        state.PeriodEnd = statement.PeriodEnd;
        state.ReportedAt = at;
        state.Lines = statement.Lines!.Count;
        (state.GrossSales, state.Refunds, state.Chargebacks, state.Adjustments, state.Fees) = (0m, 0m, 0m, 0m, 0m);
        foreach (var line in statement.Lines)
        {
            var amount = line.Amount!.Value;
            switch (line.Kind)
            {
                case SettlementLineKinds.Sale:
                    state.GrossSales += amount;
                    break;
                case SettlementLineKinds.Refund:
                    state.Refunds -= amount;
                    break;
                case SettlementLineKinds.Chargeback:
                    state.Chargebacks -= amount;
                    break;
                case SettlementLineKinds.Adjustment:
                    state.Adjustments += amount;
                    break;
            }

            state.Fees += SettlementLineKinds.FeesOf(line.Kind!, amount, line.Fee!.Value);
        }
    }
}
