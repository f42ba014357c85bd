using System.Globalization;
using Intelligence.Simulator.Planning;

namespace Intelligence.Simulator.Scenarios;

/// <summary>
/// A busy supplier keeps promising its usual lead time, but goods promised inside the window arrive
/// later and later: a day late at first, four days by the end.
/// </summary>
internal sealed class SupplierSlippagePlan
{
    public const double FirstSlipDays = 1;
    public const double LastSlipDays = 4;

    public SupplierSlippagePlan(Catalogue catalogue, RunPlan plan)
    {
        Window = new ScenarioWindow(plan.At(0.30), plan.At(0.80));

        // Of the suppliers with the shortest promise, the busiest: its purchase orders come round
        // often and quickly enough for the drift to show even in a short run.
        var demand = new double[catalogue.Suppliers.Count];
        for (var s = 0; s < plan.Skus; s++)
        {
            demand[catalogue.Assortment.SupplierOf[s]] += catalogue.Assortment.Popularity[s];
        }

        var shortest = catalogue.Suppliers.Min(s => s.PromisedLeadTimeDays);
        Supplier = Enumerable.Range(0, demand.Length)
            .Where(i => catalogue.Suppliers[i].PromisedLeadTimeDays == shortest)
            .OrderByDescending(i => demand[i]).ThenBy(i => i)
            .First();

        var supplier = catalogue.Suppliers[Supplier];
        Truth = new ScenarioTruth(
            Scenario.SupplierSlippage, "supplier", supplier.Id,
            $"{supplier.Name} still promises {supplier.PromisedLeadTimeDays} days, but goods promised in the window arrive {FirstSlipDays:F0} to {LastSlipDays:F0} days late, later as the window goes on.",
            Window.StartsAt, Window.EndsAt,
            new Dictionary<string, string>
            {
                ["supplierId"] = supplier.Id,
                ["promisedLeadTimeDays"] = supplier.PromisedLeadTimeDays.ToString(CultureInfo.InvariantCulture),
                ["slipDaysAtStart"] = FirstSlipDays.ToString(CultureInfo.InvariantCulture),
                ["slipDaysAtEnd"] = LastSlipDays.ToString(CultureInfo.InvariantCulture),
                ["measuredBy"] = "po.received time minus the po.created promisedAt, for POs promised inside the window",
            });
    }

    public ScenarioWindow Window { get; }

    public int Supplier { get; }

    public ScenarioTruth Truth { get; }

    /// <summary>Days late for goods from <paramref name="supplier"/> promised at <paramref name="promisedAt"/>.</summary>
    public double SlipDays(int supplier, DateTimeOffset promisedAt) =>
        supplier == Supplier && Window.Contains(promisedAt)
            ? FirstSlipDays + (LastSlipDays - FirstSlipDays) * Window.Progress(promisedAt)
            : 0;
}
