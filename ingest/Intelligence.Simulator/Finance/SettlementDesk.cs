using Intelligence.Contracts.Payment;
using Intelligence.Simulator.Engine;

namespace Intelligence.Simulator.Finance;

/// <summary>
/// Collects every money movement per provider for its next settlement statement. The statements are
/// almost, not exactly, what the retailer recorded: a few sales never appear and a few come through
/// at a slightly different amount, which is what reconciliation is for.
/// </summary>
internal sealed class SettlementDesk
{
    private const decimal ChargebackFee = 15m;

    private readonly ProviderLedger?[] _byChannel = new ProviderLedger?[SalesChannels.Count];
    private readonly List<ProviderLedger> _ledgers = [];

    public void Open(Simulation sim)
    {
        foreach (var (provider, periodDays, feeRate, fixedFee) in SalesChannels.Settling)
        {
            var ledger = new ProviderLedger(provider, periodDays, feeRate, fixedFee);
            _ledgers.Add(ledger);
            for (var channel = 0; channel < SalesChannels.Count; channel++)
            {
                if (SalesChannels.Provider[channel] == provider)
                {
                    _byChannel[channel] = ledger;
                }
            }

            sim.Timeline.At(sim.Plan.Start.AddDays(periodDays), ledger);
        }
    }

    public void Sale(Simulation sim, int channel, string orderId, decimal amount)
    {
        if (_byChannel[channel] is not { } ledger || sim.Rng.Chance(0.003))
        {
            return;
        }

        var reported = sim.Rng.Chance(0.003) ? Math.Max(0.01m, amount + (sim.Rng.Chance(0.5) ? 1 : -1) * (0.01m + sim.Rng.Next(200) / 100m)) : amount;
        ledger.Add(new SettlementLine { OrderId = orderId, Kind = "sale", Amount = reported, Fee = ledger.FeeOn(reported) });
        if (sim.Rng.Chance(0.002))
        {
            var adjustment = (sim.Rng.Chance(0.5) ? 1 : -1) * (1m + sim.Rng.Next(900) / 100m);
            ledger.Add(new SettlementLine { OrderId = orderId, Kind = "adjustment", Amount = adjustment, Fee = 0 });
        }
    }

    public void Refund(int channel, string orderId, decimal amount) =>
        _byChannel[channel]?.Add(new SettlementLine { OrderId = orderId, Kind = "refund", Amount = -amount, Fee = 0 });

    public void Chargeback(int channel, string orderId, decimal amount) =>
        _byChannel[channel]?.Add(new SettlementLine { OrderId = orderId, Kind = "chargeback", Amount = -amount, Fee = ChargebackFee });
}
