using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Returns;
using Intelligence.Processors.Tests.Suppliers;
using Intelligence.Simulator;

namespace Intelligence.Processors.Tests.Returns;

/// <summary>
/// The returns area over ten simulated days (100k events), with and without the scenarios. Deliveries
/// come from the test-only <see cref="DeliveredUnits"/> fold, standing in for the order fold.
/// </summary>
public sealed class HighReturnRateSimulationTests
{
    [Fact]
    public void The_scenarios_product_line_and_only_it_is_flagged_inside_its_window()
    {
        var run = ScenarioRuns.WithScenarios;
        var truth = run.Truth(Scenario.HighReturnRate);

        var flags = run.Raised(ExceptionCategories.ReturnRateQuality);
        Assert.Equal([truth.EntityId], flags.Select(f => f.EntityId).Distinct());
        Assert.InRange(flags[0].At, truth.StartsAt, truth.EndsAt);

        var opened = run.Harness.RowsOf<QualityFlagRow>().First(r => r.Change == "opened");
        Assert.Equal(truth.EntityId, opened.Category);
        Assert.True(opened.RateRecent > 2 * opened.RateBaseline, $"{opened.RateRecent} against {opened.RateBaseline}");
        Assert.Contains(opened.TopReasons.Take(2), r => r.StartsWith("defective:", StringComparison.Ordinal) || r.StartsWith("not_as_described:", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_days_raise_few_quality_flags()
    {
        var run = ScenarioRuns.Quiet;

        Assert.True(run.Raised(ExceptionCategories.ReturnRateQuality).Count <= 1,
            string.Join("; ", run.Raised(ExceptionCategories.ReturnRateQuality).Select(r => r.Detail)));
    }

    [Fact]
    public void Returned_units_add_up_the_same_by_category_channel_supplier_and_reason()
    {
        var kpis = ScenarioRuns.WithScenarios.Harness.RowsOf<KpiCount>().Where(k => k.Metric == "units_returned").ToList();
        var byKind = kpis.GroupBy(k => k.Entity.Split(':')[0]).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));

        Assert.Equal(["category", "channel", "reason", "supplier"], byKind.Keys.Order());
        Assert.True(byKind["category"] > 500, $"{byKind["category"]} units returned");
        Assert.All(byKind.Values, total => Assert.Equal(byKind["category"], total));
    }
}
