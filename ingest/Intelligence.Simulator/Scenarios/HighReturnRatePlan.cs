using System.Globalization;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Scenarios;

/// <summary>
/// A bad batch in one product line: units delivered in the window come back far more often than
/// usual, mostly as defective or not as described.
/// </summary>
internal sealed class HighReturnRatePlan
{
    public const double ReturnRate = 0.45;

    public HighReturnRatePlan(Random rng, Catalogue catalogue, RunPlan plan)
    {
        Window = new ScenarioWindow(plan.At(0.25), plan.At(0.60));
        Category = rng.Next(catalogue.Categories.Count);
        var line = catalogue.Categories[Category];
        Truth = new ScenarioTruth(
            Scenario.HighReturnRate, "product-line", line,
            $"Units of {line} delivered in the window are returned at {ReturnRate:P0}, mostly defective or not as described; returns follow deliveries by up to a few days.",
            Window.StartsAt, Window.EndsAt,
            new Dictionary<string, string>
            {
                ["category"] = line,
                ["returnRate"] = ReturnRate.ToString(CultureInfo.InvariantCulture),
                ["baselineReturnRate"] = ReturnOdds.Baseline(Category).ToString(CultureInfo.InvariantCulture),
                ["reasons"] = "defective,not_as_described",
                ["measuredBy"] = "return.requested units per shipped unit, for units delivered inside the window",
            });
    }

    public ScenarioWindow Window { get; }

    public int Category { get; }

    public ScenarioTruth Truth { get; }

    public bool Raises(int category, DateTimeOffset deliveredAt) => category == Category && Window.Contains(deliveredAt);
}
