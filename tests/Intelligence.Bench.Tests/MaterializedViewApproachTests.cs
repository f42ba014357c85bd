namespace Intelligence.Bench.Tests;

public sealed class MaterializedViewApproachTests(MaterializedViewRun run) : IClassFixture<MaterializedViewRun>
{
    private double Figure(string name) => run.Measurement.Figure(name) ?? throw new InvalidOperationException($"no figure '{name}'");

    [Fact]
    public void Every_line_lands_in_the_raw_table_and_only_valid_json_is_parsed()
    {
        Assert.Equal("clickhouse-mv", run.Measurement.Approach);
        Assert.Equal(run.Workload.Events, run.Measurement.Events);
        Assert.Equal(run.Workload.Events, Figure("rows events_raw"));
        Assert.InRange(Figure("lines clickhouse cannot parse"), 1, Figure("lines the gate rejects"));
        Assert.True(run.Measurement.Seconds > 0);
    }

    [Fact]
    public void The_views_fill_their_stock_and_exception_tables()
    {
        foreach (var table in new[] { "events", "stock_ledger", "stock_totals", "stock_counts", "order_line_stock", "shipment_progress", "order_holds" })
        {
            Assert.True(Figure($"rows {table}") > 0, $"{table} is empty");
        }
    }

    [Fact]
    public void Most_stock_positions_agree_with_the_processors_once_resends_are_filtered()
    {
        var total = Figure("ats keys deduplicated total");
        Assert.True(total > 100, $"only {total} positions");
        Assert.True(Figure("ats keys deduplicated agreeing") >= 0.9 * total,
            $"{Figure("ats keys deduplicated agreeing")} of {total} positions agree");
    }

    [Fact]
    public void Summing_without_counts_agrees_less_than_the_count_aware_query()
    {
        Assert.True(Figure("ats keys sums only agreeing") < Figure("ats keys agreeing"));
    }

    [Fact]
    public void Open_carrier_delays_and_holds_are_compared_with_the_exception_queue()
    {
        Assert.True(Figure("carrier delays total") + Figure("order holds total") > 0);
        Assert.True(Figure("order holds agreeing") >= 0.8 * Figure("order holds total"));
    }
}
