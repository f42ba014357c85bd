namespace Intelligence.Contracts.Payment;

public sealed record SettlementLine
{
    public string? OrderId { get; init; }
    public string? Kind { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Fee { get; init; }
}

/// <summary><c>settlement.reported</c>: a marketplace or PSP's statement of what it will pay out, per order, with fees.</summary>
public sealed record SettlementReported : IEventPayload
{
    public string? SettlementId { get; init; }
    public string? Provider { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? PeriodStart { get; init; }
    public DateTimeOffset? PeriodEnd { get; init; }
    public IReadOnlyList<SettlementLine>? Lines { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(SettlementId, "settlementId");
        check.Text(Provider, "provider");
        check.Currency(Currency, "currency");
        check.Time(PeriodStart, "periodStart");
        check.Time(PeriodEnd, "periodEnd");
        check.Rule(PeriodStart is null || PeriodEnd is null || PeriodStart <= PeriodEnd,
            "periodEnd", "is before periodStart");
        check.Items(Lines, "lines", (line, at) =>
        {
            check.Text(line.OrderId, $"{at}.orderId");
            check.OneOf(line.Kind, Vocabulary.SettlementLineKinds, $"{at}.kind");
            check.SignedAmount(line.Amount, $"{at}.amount");
            check.Amount(line.Fee, $"{at}.fee");
        }, maxItems: 10_000);
    }
}

/// <summary><c>payout.paid</c>: the money of a settlement arrives in the retailer's account.</summary>
public sealed record PayoutPaid : IEventPayload
{
    public string? PayoutId { get; init; }
    public string? SettlementId { get; init; }
    public string? Provider { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }

    public void Validate(PayloadCheck check)
    {
        check.Text(PayoutId, "payoutId");
        check.Text(SettlementId, "settlementId");
        check.Text(Provider, "provider");
        check.SignedAmount(Amount, "amount");
        check.Currency(Currency, "currency");
    }
}
