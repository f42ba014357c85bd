using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Exceptions;

/// <summary>
/// Sent by the fold that notices a problem, keyed by <see cref="ExceptionId"/> (<c>category:entity</c>),
/// to the exception queue, which applies severity, SLA and routing. Raising an open exception again
/// updates its detail and context; it does not reopen or double count it.
/// </summary>
public sealed record ExceptionRaised(
    string ExceptionId, string Category, string EntityKind, string EntityId, ExceptionContext Context, string Detail) : ISignal
{
    public static string IdOf(string category, string entityId) => $"{category}:{entityId}";
}

/// <summary>What routing rules may look at. Fields that do not apply to the category are null.</summary>
public sealed record ExceptionContext(
    string? Channel = null,
    decimal? OrderValue = null,
    string? CustomerTier = null,
    string? Location = null,
    string? SupplierId = null,
    string? Sku = null,
    double Risk = 0);

/// <summary>Closes an exception; <see cref="Resolution"/> says how (<c>released</c>, <c>filled</c>, <c>delivered</c>, <c>cancelled</c>...).</summary>
public sealed record ExceptionResolved(string ExceptionId, string Resolution) : ISignal;
