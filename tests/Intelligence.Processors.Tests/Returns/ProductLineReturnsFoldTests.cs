using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Returns;

namespace Intelligence.Processors.Tests.Returns;

public sealed class ProductLineReturnsFoldTests
{
    // The rules at a week's window and z 4, so the figures below stay easy to follow.
    private static readonly ReturnsOptions Options = new() { WarmUpDays = 0, RecentDays = 7, FlagZScore = 4 };

    private static ProductLineDriver Steady(int days, ReturnsOptions? options = null)
    {
        var line = new ProductLineDriver(options ?? Options);
        for (var d = 0; d < days; d++)
        {
            line.Run(d, delivered: 100, rate: 0.05);
        }

        return line;
    }

    [Fact]
    public void A_steady_line_returns_at_its_own_rate_and_is_not_flagged()
    {
        var line = Steady(30);

        var row = line.Latest;
        Assert.Equal(0.05, row.RateRecent!.Value, 3);
        Assert.Equal(0.05, row.RateBaseline!.Value, 3);
        Assert.Equal((700L, 35L), (row.DeliveredRecent, row.ReturnedRecent));
        Assert.InRange(row.Z!.Value, -0.5, 0.5);
        Assert.False(row.Flagged);
        Assert.Empty(line.Sent);
    }

    [Fact]
    public void A_jump_in_returns_flags_the_line_with_the_reasons_and_skus_behind_it()
    {
        var line = Steady(30);
        line.Run(30, delivered: 100, rate: 0.25, reason: "defective", sku: "SKU-9");
        Assert.Empty(line.Sent); // one bad day in seven: z about 3, not yet

        line.Run(31, delivered: 100, rate: 0.25, reason: "defective", sku: "SKU-9");

        var raised = Assert.IsType<ExceptionRaised>(Assert.Single(line.Sent));
        Assert.Equal((ExceptionRaised.IdOf(ExceptionCategories.ReturnRateQuality, "home"), "home"), (raised.ExceptionId, raised.EntityId));
        Assert.Contains("defective:50", raised.Detail, StringComparison.Ordinal);
        Assert.Contains("SKU-9:50", raised.Detail, StringComparison.Ordinal);
        var opened = Assert.Single(line.Rows.OfType<QualityFlagRow>());
        Assert.Equal(("opened", ProductLineDriver.Day(32).AddMinutes(-1)), (opened.Change, opened.At));
        Assert.True(opened.Z >= 4, $"z {opened.Z}");
        Assert.Equal(["defective:50", "changed_mind:25"], opened.TopReasons);
        Assert.True(line.Latest.Flagged);
    }

    [Fact]
    public void A_flagged_line_clears_when_its_rate_is_back_to_its_old_baseline()
    {
        var line = Steady(30);
        for (var d = 30; d < 40; d++)
        {
            line.Run(d, delivered: 100, rate: 0.25, reason: "defective");
        }

        // Ten bad days have not become the baseline: the flag is still open against the old rate.
        Assert.True(line.Latest.Flagged);
        Assert.Equal(0.05, line.Latest.RateBaseline!.Value, 3);

        var d2 = 40;
        while (line.Latest.Flagged && d2 < 60)
        {
            line.Run(d2++, delivered: 100, rate: 0.05);
        }

        Assert.False(line.Latest.Flagged);
        Assert.Equal(["opened", "closed"], line.Rows.OfType<QualityFlagRow>().Select(r => r.Change));
        var resolved = Assert.IsType<ExceptionResolved>(line.Sent[^1]);
        Assert.Equal("returned_to_normal", resolved.Resolution);
        Assert.Equal(47, d2); // the first day the recent window holds no bad day
    }

    [Fact]
    public void Too_few_units_are_not_judged_however_the_rate_moves()
    {
        var line = new ProductLineDriver(Options);
        for (var d = 0; d < 30; d++)
        {
            line.RunUnits(d, delivered: 10, returned: d % 2);
        }

        for (var d = 30; d < 35; d++)
        {
            line.RunUnits(d, delivered: 10, returned: 4);
        }

        Assert.True(line.Latest.RateRecent > 0.25);
        Assert.False(line.Latest.Flagged);
        Assert.Empty(line.Sent);
    }

    [Fact]
    public void A_burst_of_deliveries_does_not_look_like_a_fall_in_the_return_rate()
    {
        var line = new ProductLineDriver(Options);
        for (var d = 0; d < 40; d++)
        {
            line.Run(d, delivered: d == 30 ? 6000 : 1000, rate: 0.05);
            Assert.InRange(line.Latest.RateRecent!.Value, 0.045, 0.055);
        }

        var onTheBurst = line.Rows.OfType<ProductLineReturnsRow>().Last(r => r.UpdatedAt < ProductLineDriver.Day(31));
        Assert.True((double)onTheBurst.ReturnedRecent / onTheBurst.DeliveredRecent < 0.04, "units over units would have dipped");
        Assert.Empty(line.Sent);
    }

    [Fact]
    public void Days_in_the_warm_up_count_in_neither_window()
    {
        var line = new ProductLineDriver(Options with { WarmUpDays = 5 });
        for (var d = 0; d < 5; d++)
        {
            line.RunUnits(d, delivered: 100, returned: 40); // returns of deliveries made before the pipeline saw them
        }

        for (var d = 5; d < 30; d++)
        {
            line.RunUnits(d, delivered: 100, returned: 5);
        }

        var row = line.Latest;
        Assert.Equal(25 * 5L, row.ReturnedRecent + row.ReturnedBaseline);
        Assert.Equal(0.05, row.RateBaseline!.Value, 2);
    }

    [Fact]
    public void History_is_bounded_and_sku_detail_is_kept_only_for_the_recent_window()
    {
        var line = Steady(100);

        Assert.Equal(Options.HistoryDays, line.State.Days.Count);
        Assert.Equal(ProductLineDriver.Day(40), line.State.Days[0].Day);
        Assert.Equal(Options.RecentDays, line.State.Days.Count(d => d.Skus.Count > 0));
    }

    [Fact]
    public void Default_options_are_valid_and_each_bad_setting_is_named()
    {
        Assert.Empty(new ReturnsOptions().Problems());
        var problems = new ReturnsOptions { HistoryDays = 2, ClearZScore = 9, ReturnLagProfile = [0.5, 0.6, 0.5, 0.4] }.Problems().ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith(nameof(ReturnsOptions.HistoryDays), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(nameof(ReturnsOptions.ClearZScore), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(nameof(ReturnsOptions.ReturnLagProfile), StringComparison.Ordinal));
    }
}
