using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

public sealed class ExposureTests
{
    private const string Amazon = "marketplace-amz";
    private const string Entity = $"{InventoryRun.Sku}@{Amazon}";

    private static InventoryRun RunOnAmazon()
    {
        var run = new InventoryRun().Receive("DC-EAST", 40, 0);
        for (var i = 0; i < 6; i++)
        {
            run.Order($"O-{i}", Amazon, 5 + i * 10, promotion: "PROMO-X", quantity: 2);
        }

        return run;
    }

    [Fact]
    public void A_run_on_a_channel_recommends_a_smaller_exposure_naming_the_promotion()
    {
        var run = RunOnAmazon();

        // five orders of two in the 3 h window: 3.33 units/h against an ATS of 24 (40 less a 40% buffer) is 7.2 h of cover
        var advice = Assert.Single(run.Harness.RowsOf<ExposureRecommendationRow>());
        Assert.Equal((InventoryRun.Sku, Amazon, "PROMO-X"), (advice.Sku, advice.Channel, advice.PromotionId));
        Assert.Equal((24, 40, 3.333, 7.2), (advice.ChannelAts, advice.Pool, advice.SellRatePerHour, advice.HoursOfCover));
        Assert.Equal((20, 50.0), (advice.RecommendedExposure, advice.RecommendedBufferPercent));
        Assert.Contains("3.33 units/h", advice.Reasoning, StringComparison.Ordinal);
        Assert.Contains("show at most 20 units", advice.Reasoning, StringComparison.Ordinal);

        var raised = Assert.Single(run.Exception(ExceptionCategories.OversellRisk, Entity)!.Raised);
        Assert.Equal((Amazon, InventoryRun.Sku), (raised.Context.Channel, raised.Context.Sku));
        Assert.Equal(1 - 7.2 / 12, raised.Context.Risk, 3);
        Assert.Equal(4, run.Channel(Amazon).SellRatePerHour);
        Assert.Equal(6, run.Channel(Amazon).HoursOfCover);
    }

    [Fact]
    public void The_risk_resolves_once_the_run_has_passed()
    {
        var run = RunOnAmazon().AdvanceTo(4 * 60);

        var entry = run.Exception(ExceptionCategories.OversellRisk, Entity)!;
        Assert.False(entry.Open);
        Assert.Equal(["cover_recovered"], entry.Resolutions);
    }

    [Fact]
    public void A_slow_mover_or_one_large_order_does_not_warn()
    {
        var run = new InventoryRun().Receive("DC-EAST", 12, 0)
            .Order("O-1", Amazon, 1).Order("O-2", Amazon, 2)
            .Order("O-3", "wholesale", 3, quantity: 24);

        Assert.Empty(run.Harness.RowsOf<ExposureRecommendationRow>());
        Assert.Equal(8, run.Channel("wholesale").SellRatePerHour);
    }

    [Fact]
    public void Demand_without_a_promotion_is_advised_without_one()
    {
        var run = new InventoryRun().Receive("DC-EAST", 40, 0);
        for (var i = 0; i < 6; i++)
        {
            run.Order($"O-{i}", Amazon, 5 + i * 10, promotion: i == 0 ? "PROMO-X" : null, quantity: 2);
        }

        Assert.Null(Assert.Single(run.Harness.RowsOf<ExposureRecommendationRow>()).PromotionId);
    }
}
