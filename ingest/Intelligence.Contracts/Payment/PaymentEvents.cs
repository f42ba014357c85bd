namespace Intelligence.Contracts.Payment;

/// <summary>The fields every card or wallet movement carries.</summary>
public abstract record PaymentMovement : IEventPayload
{
    public string? PaymentId { get; init; }
    public string? OrderId { get; init; }
    public string? Provider { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }

    public virtual void Validate(PayloadCheck check)
    {
        check.Text(PaymentId, "paymentId");
        check.Text(OrderId, "orderId");
        check.Text(Provider, "provider");
        check.Amount(Amount, "amount", allowZero: false);
        check.Currency(Currency, "currency");
    }
}

/// <summary><c>payment.authorized</c>.</summary>
public sealed record PaymentAuthorized : PaymentMovement;

/// <summary><c>payment.captured</c>.</summary>
public sealed record PaymentCaptured : PaymentMovement;

/// <summary><c>payment.declined</c>: an authorisation refused; the order goes on payment hold.</summary>
public sealed record PaymentDeclined : PaymentMovement
{
    public string? Reason { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Text(Reason, "reason");
    }
}

/// <summary><c>payment.refunded</c>.</summary>
public sealed record PaymentRefunded : PaymentMovement
{
    public string? RefundId { get; init; }
    public string? Reason { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Text(RefundId, "refundId");
        check.Text(Reason, "reason");
    }
}

/// <summary><c>payment.chargeback</c>: the customer's bank takes the money back.</summary>
public sealed record PaymentChargeback : PaymentMovement
{
    public string? ChargebackId { get; init; }
    public string? Reason { get; init; }

    public override void Validate(PayloadCheck check)
    {
        base.Validate(check);
        check.Text(ChargebackId, "chargebackId");
        check.Text(Reason, "reason");
    }
}
