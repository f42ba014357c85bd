using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Finance;

/// <summary>
/// Settings of settlement reconciliation. An order's money (captures, refunds, chargebacks) is
/// expected on a provider's statement within the provider's cadence plus a grace; past that, an
/// order whose settled figures still differ raises <c>unreconciled_settlement</c>.
/// </summary>
public sealed record FinanceOptions
{
    /// <summary>
    /// How often each provider closes a statement period, by provider name. The defaults are the
    /// simulator's: the PSPs (stripe, adyen) daily, the marketplaces (amazon, ebay) every two days.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> SettlementCadence { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["stripe"] = TimeSpan.FromDays(1),
        ["adyen"] = TimeSpan.FromDays(1),
        ["amazon"] = TimeSpan.FromDays(2),
        ["ebay"] = TimeSpan.FromDays(2),
    };

    /// <summary>The cadence of a provider not named in <see cref="SettlementCadence"/>. Default 2 days (the slowest known).</summary>
    public TimeSpan DefaultCadence { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How long beyond its cadence a provider may take to report an order's money (statements come
    /// hours after the period closes; captures and statements may arrive late). Default 2 days.
    /// </summary>
    public TimeSpan SettlementGrace { get; init; } = TimeSpan.FromDays(2);

    /// <summary>A different <see cref="SettlementGrace"/> for some providers, by provider name. Default none.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ProviderGrace { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Channels paid by invoice, with no settlement statement: excluded from reconciliation. Default <c>wholesale</c>.</summary>
    public IReadOnlyList<string> InvoiceChannels { get; init; } = ["wholesale"];

    /// <summary>Providers that send no settlement statement: excluded from reconciliation. Default <c>invoice</c>.</summary>
    public IReadOnlyList<string> InvoiceProviders { get; init; } = ["invoice"];

    /// <summary>The difference (EUR, per figure) still counted as matched. Default 0: statements are to the cent.</summary>
    public decimal MatchTolerance { get; init; }

    /// <summary>How long after the last money movement or statement line an order's settlement is due.</summary>
    public TimeSpan DueAfter(string? provider)
    {
        var cadence = provider is not null && SettlementCadence.TryGetValue(provider, out var c) ? c : DefaultCadence;
        var grace = provider is not null && ProviderGrace.TryGetValue(provider, out var g) ? g : SettlementGrace;
        return cadence + grace;
    }

    /// <summary>True for an order paid by invoice, which no statement settles.</summary>
    public bool IsInvoiced(string? channel, string? provider) =>
        (channel is not null && InvoiceChannels.Contains(channel)) || (provider is not null && InvoiceProviders.Contains(provider));

    /// <summary>
    /// How long an order's money is kept after its last movement once nothing is awaited (matched,
    /// invoiced, or no money moved) and no exception is open, and a settlement statement after its
    /// last event once it is reported and paid: past it, the state is deleted. Card chargebacks can
    /// come 120 days after a sale, so that is the default; 1 to 3,650 days.
    /// </summary>
    public TimeSpan RetainFinishedFor { get; init; } = TimeSpan.FromDays(120);

    /// <summary>Each invalid setting, named with its valid range; empty when the options can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (Retention.Problem(nameof(RetainFinishedFor), RetainFinishedFor) is { } retention)
        {
            yield return retention;
        }

        foreach (var (provider, cadence) in SettlementCadence)
        {
            if (cadence <= TimeSpan.Zero || cadence > TimeSpan.FromDays(60))
            {
                yield return $"SettlementCadence[{provider}] must be more than 0 and at most 60 days (is {cadence}).";
            }
        }

        if (DefaultCadence <= TimeSpan.Zero || DefaultCadence > TimeSpan.FromDays(60))
        {
            yield return $"DefaultCadence must be more than 0 and at most 60 days (is {DefaultCadence}).";
        }

        if (SettlementGrace < TimeSpan.Zero || SettlementGrace > TimeSpan.FromDays(60))
        {
            yield return $"SettlementGrace must be from 0 to 60 days (is {SettlementGrace}).";
        }

        foreach (var (provider, grace) in ProviderGrace)
        {
            if (grace < TimeSpan.Zero || grace > TimeSpan.FromDays(60))
            {
                yield return $"ProviderGrace[{provider}] must be from 0 to 60 days (is {grace}).";
            }
        }

        if (MatchTolerance is < 0m or > 100m)
        {
            yield return $"MatchTolerance must be from 0 to 100 (is {MatchTolerance}).";
        }
    }
}
