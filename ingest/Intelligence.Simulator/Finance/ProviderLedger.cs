using Intelligence.Contracts;
using Intelligence.Contracts.Payment;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Finance;

/// <summary>
/// One provider's settlement cycle: at each period end the open lines are closed, a few hours later
/// the statement is reported (split into several when large), and each statement is paid out a day
/// or few later.
/// </summary>
internal sealed class ProviderLedger(string provider, int periodDays, decimal feeRate, decimal fixedFee) : IHappening
{
    private const int MaxLinesPerStatement = 400;

    private List<SettlementLine> _open = [];
    private List<SettlementLine> _closed = [];
    private DateTimeOffset _periodStart;
    private DateTimeOffset _periodEnd;
    private bool _reportDue;

    public decimal FeeOn(decimal amount) => Money.Cents(amount * feeRate + fixedFee);

    public void Add(SettlementLine line) => _open.Add(line);

    public void Happen(Simulation sim)
    {
        if (!_reportDue)
        {
            _periodStart = _periodEnd == default ? sim.Plan.Start : _periodEnd;
            _periodEnd = sim.Now;
            (_open, _closed) = (_closed, _open);
            _reportDue = true;
            sim.Timeline.After(sim.Rng.Between(TimeSpan.FromHours(3), TimeSpan.FromHours(7)), this);
            return;
        }

        _reportDue = false;
        for (var first = 0; first < _closed.Count; first += MaxLinesPerStatement)
        {
            Report(sim, _closed.GetRange(first, Math.Min(MaxLinesPerStatement, _closed.Count - first)));
        }

        _closed.Clear();
        sim.Timeline.At(_periodEnd.AddDays(periodDays), this);
    }

    private void Report(Simulation sim, List<SettlementLine> lines)
    {
        var settlementId = sim.Ids.Next(Document.Settlement);
        var net = 0m;
        foreach (var line in lines)
        {
            net += line.Amount!.Value - line.Fee!.Value;
        }

        sim.Emit(EventTypes.SettlementReported, provider, settlementId, new SettlementReported
        {
            SettlementId = settlementId, Provider = provider, Currency = Money.Currency,
            PeriodStart = _periodStart, PeriodEnd = _periodEnd, Lines = lines,
        });
        sim.Timeline.At(Engine.Calendar.NextHour(sim.Now.AddDays(1 + sim.Rng.Next(3)), 9), new Payout(settlementId, provider, net));
    }

    /// <summary>The money of one statement arriving in the bank.</summary>
    private sealed class Payout(string settlementId, string provider, decimal amount) : IHappening
    {
        public void Happen(Simulation sim) =>
            sim.Emit(EventTypes.PayoutPaid, provider, settlementId, new PayoutPaid
            {
                PayoutId = sim.Ids.Next(Document.Payout), SettlementId = settlementId, Provider = provider,
                Amount = amount, Currency = Money.Currency,
            });
    }
}
