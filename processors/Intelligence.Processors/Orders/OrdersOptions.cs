using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Orders;

/// <summary>Settings of the order fold: how long a requested return counts as in transit, and the risk score's weights.</summary>
public sealed record OrdersOptions
{
    /// <summary>
    /// A requested return not received within this time is taken out of returns in transit (the customer
    /// kept the goods): without it the figure would only grow. 1 to 365 days.
    /// </summary>
    public TimeSpan ReturnInTransitExpiry { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The order value (EUR) at which the value part of the risk score is full. More than zero.</summary>
    public decimal RiskOrderValueCeiling { get; init; } = 1000m;

    /// <summary>How much of the risk score (0 to 1) the order value can make up.</summary>
    public double RiskValueWeight { get; init; } = 0.4;

    /// <summary>Risk points per customer tier (0 to 1); a tier not listed scores as <see cref="RiskUnknownTier"/>.</summary>
    public IReadOnlyDictionary<string, double> RiskByTier { get; init; } = new Dictionary<string, double>
    {
        ["standard"] = 0.2, ["silver"] = 0.15, ["gold"] = 0.1, ["platinum"] = 0.05, ["trade"] = 0.05,
    };

    /// <summary>Risk points (0 to 1) for an order whose tier is not known or not listed.</summary>
    public double RiskUnknownTier { get; init; } = 0.2;

    /// <summary>Risk points per hold reason (0 to 1); the highest of the order's open holds counts.</summary>
    public IReadOnlyDictionary<string, double> RiskByHold { get; init; } = new Dictionary<string, double>
    {
        ["fraud_review"] = 0.4, ["payment_hold"] = 0.3, ["address_validation"] = 0.15,
    };

    /// <summary>
    /// How long a finished order (delivered, cancelled, or never placed) is kept after its last event,
    /// with no return in transit and no exception open: past it, the order's state is deleted. A
    /// return, refund or chargeback later than this is folded as for an order not yet placed. 1 to
    /// 3,650 days; default 60, twice the return window.
    /// </summary>
    public TimeSpan RetainFinishedFor { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Each invalid setting, named, with the range it must be in.</summary>
    public IEnumerable<string> Problems()
    {
        if (Retention.Problem(nameof(RetainFinishedFor), RetainFinishedFor) is { } retention)
        {
            yield return retention;
        }

        if (ReturnInTransitExpiry < TimeSpan.FromDays(1) || ReturnInTransitExpiry > TimeSpan.FromDays(365))
        {
            yield return $"ReturnInTransitExpiry is {ReturnInTransitExpiry}: it must be between 1 and 365 days.";
        }

        if (RiskOrderValueCeiling <= 0)
        {
            yield return $"RiskOrderValueCeiling is {RiskOrderValueCeiling}: it must be more than zero.";
        }

        if (!InUnitRange(RiskValueWeight))
        {
            yield return $"RiskValueWeight is {RiskValueWeight}: it must be between 0 and 1.";
        }

        if (!InUnitRange(RiskUnknownTier))
        {
            yield return $"RiskUnknownTier is {RiskUnknownTier}: it must be between 0 and 1.";
        }

        foreach (var (name, weight) in RiskByTier.Concat(RiskByHold))
        {
            if (!InUnitRange(weight))
            {
                yield return $"RiskByTier/RiskByHold:{name} is {weight}: it must be between 0 and 1.";
            }
        }
    }

    private static bool InUnitRange(double value) => value is >= 0 and <= 1;
}
