using Intelligence.Bench.MaterializedViews;

namespace Intelligence.Bench.Tests;

public sealed class AgreementTests
{
    [Fact]
    public void A_position_one_side_lacks_agrees_when_the_other_shows_it_empty()
    {
        var views = new Dictionary<string, long> { ["SKU-1@DC-EAST"] = 5, ["SKU-2@STORE-01"] = -1 };
        var pipeline = new Dictionary<string, long> { ["SKU-1@DC-EAST"] = 4, ["SKU-3@DC-WEST"] = 0 };

        var agreement = Agreement.Of(views, pipeline, key => key.Contains("@STORE-", StringComparison.Ordinal) ? -1 : 0);

        Assert.Equal((2, 3, 1, 1), (agreement.Agreeing, agreement.Total, agreement.OnlyInViews, agreement.OnlyInPipeline));
        Assert.Equal(["SKU-1@DC-EAST"], agreement.Disagreeing);
    }

    [Fact]
    public void Open_exceptions_agree_where_both_hold_them_open()
    {
        var agreement = Agreement.Of(new HashSet<string> { "carrier_delay:S-1", "carrier_delay:S-2" }, new HashSet<string> { "carrier_delay:S-2" });

        Assert.Equal((1, 2, 1, 0), (agreement.Agreeing, agreement.Total, agreement.OnlyInViews, agreement.OnlyInPipeline));
    }
}
