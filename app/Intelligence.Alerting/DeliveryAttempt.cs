using Intelligence.Processors.Alerts;

namespace Intelligence.Alerting;

/// <summary>One way of handing a notice over (a webhook, the log). Retries are the route's business.</summary>
internal interface IAlertChannel
{
    Task<DeliveryAttempt> SendAsync(AlertNotice notice, CancellationToken cancellationToken);
}

internal enum AttemptOutcome
{
    Delivered,

    /// <summary>Worth trying again: no answer, a timeout, 408, 429 or 5xx.</summary>
    Transient,

    /// <summary>The receiver refused the notice; trying again would get the same answer.</summary>
    Rejected,
}

/// <summary>How one attempt went; for a failure, what happened and what to do about it.</summary>
internal sealed record DeliveryAttempt(AttemptOutcome Outcome, string Problem = "", string Advice = "", TimeSpan? RetryAfter = null)
{
    public static DeliveryAttempt Delivered { get; } = new(AttemptOutcome.Delivered);

    public static DeliveryAttempt Transient(string problem, string advice, TimeSpan? retryAfter = null) =>
        new(AttemptOutcome.Transient, problem, advice, retryAfter);

    public static DeliveryAttempt Rejected(string problem, string advice) => new(AttemptOutcome.Rejected, problem, advice);
}
