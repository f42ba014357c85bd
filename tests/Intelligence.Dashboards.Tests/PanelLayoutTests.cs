namespace Intelligence.Dashboards.Tests;

public sealed class PanelLayoutTests
{
    private static readonly HashSet<string> PanelTypes = ["stat", "timeseries", "table", "barchart", "bargauge"];

    public static TheoryData<string> Uids() => new(Provisioning.Dashboards.Select(d => d.Uid));

    [Theory]
    [MemberData(nameof(Uids))]
    public void Panels_fit_the_24_column_grid_with_sane_sizes(string uid)
    {
        Assert.All(Provisioning.Get(uid).Panels, p =>
        {
            Assert.InRange(p.GridPos.X, 0, GridPos.Columns - 1);
            Assert.InRange(p.GridPos.X + p.GridPos.W, 1, GridPos.Columns);
            Assert.InRange(p.GridPos.W, 3, GridPos.Columns);
            Assert.InRange(p.GridPos.H, 3, 16);
            Assert.True(p.GridPos.Y >= 0, $"{p.Title} starts above the grid");
        });
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Panels_do_not_overlap(string uid)
    {
        var panels = Provisioning.Get(uid).Panels;
        var overlapping = panels.SelectMany((a, i) => panels.Skip(i + 1).Where(b => a.GridPos.Overlaps(b.GridPos)).Select(b => $"{a.Title} / {b.Title}"));

        Assert.Empty(overlapping);
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Panel_ids_are_unique_and_every_panel_is_a_supported_type_with_sql_and_expected_columns(string uid)
    {
        var panels = Provisioning.Get(uid).Panels;

        Assert.Equal(panels.Count, panels.Select(p => p.Id).Distinct().Count());
        Assert.All(panels, p =>
        {
            Assert.Contains(p.Type, PanelTypes);
            var target = Assert.Single(p.Targets);
            Assert.False(string.IsNullOrWhiteSpace(target.RawSql), $"{p.Title} has no SQL");
            Assert.NotEmpty(target.ExpectedColumns);
            if (p.Type == "timeseries")
            {
                Assert.Equal(0, target.Format);
                Assert.Equal("time", target.ExpectedColumns[0]);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Time_filters_name_a_column_not_an_expression_so_the_primary_index_and_partitions_apply(string uid)
    {
        var filters = Provisioning.Get(uid).Panels.SelectMany(p => p.Targets)
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t.RawSql, @"\$__timeFilter\(([^)]*)\)").Select(m => m.Groups[1].Value));

        Assert.All(filters, column => Assert.Matches(@"^[a-z_]+$", column));
    }
}
