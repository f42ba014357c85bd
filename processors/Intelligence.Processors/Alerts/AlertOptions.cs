using Intelligence.Processors.Exceptions;

namespace Intelligence.Processors.Alerts;

/// <summary>How incidents become alerts; configuration section <c>Processors:Alerts</c>.</summary>
public sealed record AlertOptions
{
    /// <summary>The least time between two "updated" notices of one alert; escalations and resolutions are never held back. Default 1 hour.</summary>
    public TimeSpan UpdateEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How much an alert's deviation (or counted value) must grow, as a factor, to be worth an update. Default 1.5.</summary>
    public double MaterialGrowth { get; init; } = 1.5;

    /// <summary>The exception categories that are alerts in their own right, one per exception (default: oversell, oversell risk, supplier slippage, node backlog, return-rate quality).</summary>
    public IReadOnlyList<string> Categories { get; init; } =
    [
        ExceptionCategories.Oversell, ExceptionCategories.OversellRisk, ExceptionCategories.SupplierSlippage,
        ExceptionCategories.NodeBacklog, ExceptionCategories.ReturnRateQuality,
    ];

    /// <summary>
    /// Categories raised per order, alerted as one alert per category and channel that counts the open
    /// exceptions and resolves when none is left (default: unreconciled settlement).
    /// </summary>
    public IReadOnlyList<string> CountedCategories { get; init; } = [ExceptionCategories.UnreconciledSettlement];

    /// <summary>Whether SLA breaches raise one alert per exception category (counting the breaches). Default true.</summary>
    public bool SlaBreaches { get; init; } = true;

    /// <summary>An SLA-breach alert resolves once no exception of its category has breached for this long. Default 24 hours.</summary>
    public TimeSpan SlaBreachQuietAfter { get; init; } = TimeSpan.FromHours(24);

    public IEnumerable<string> Problems()
    {
        if (UpdateEvery < TimeSpan.Zero) yield return "Processors:Alerts:UpdateEvery cannot be negative.";
        if (MaterialGrowth < 1) yield return "Processors:Alerts:MaterialGrowth must be at least 1.";
        if (SlaBreachQuietAfter <= TimeSpan.Zero) yield return "Processors:Alerts:SlaBreachQuietAfter must be positive.";
        foreach (var category in Categories.Concat(CountedCategories).Where(c => !ExceptionCategories.All.Contains(c)))
        {
            yield return $"Processors:Alerts:Categories (or CountedCategories) names '{category}', which is not an exception category ({string.Join(", ", ExceptionCategories.All)}).";
        }

        foreach (var category in Categories.Intersect(CountedCategories))
        {
            yield return $"Processors:Alerts: '{category}' is in both Categories and CountedCategories; it can be alerted one way only.";
        }
    }
}
