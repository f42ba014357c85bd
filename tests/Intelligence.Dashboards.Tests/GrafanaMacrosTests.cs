namespace Intelligence.Dashboards.Tests;

public sealed class GrafanaMacrosTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 9, 0, 0, 0, TimeSpan.Zero);

    private static QueryContext Context(VariableSelection? channel = null) => QueryContext.For(From, To,
        new Dictionary<string, VariableSelection> { ["channel"] = channel ?? VariableSelection.All(["stores", "webstore"]) });

    [Fact]
    public void Time_filter_compares_the_column_with_the_range_in_unix_seconds_as_the_plugin_does()
    {
        var sql = GrafanaMacros.Expand("WHERE $__timeFilter(minute)", Context());

        Assert.Equal($"WHERE minute >= toDateTime({From.ToUnixTimeSeconds()}) AND minute <= toDateTime({To.ToUnixTimeSeconds()})", sql);
    }

    [Fact]
    public void Millisecond_filter_and_bounds_use_unix_milliseconds()
    {
        var sql = GrafanaMacros.Expand("$__timeFilter_ms(at) $__fromTime_ms $__toTime", Context());

        Assert.Equal(
            $"at >= fromUnixTimestamp64Milli({From.ToUnixTimeMilliseconds()}) AND at <= fromUnixTimestamp64Milli({To.ToUnixTimeMilliseconds()}) " +
            $"fromUnixTimestamp64Milli({From.ToUnixTimeMilliseconds()}) toDateTime({To.ToUnixTimeSeconds()})", sql);
    }

    [Fact]
    public void Time_interval_buckets_by_the_interval_derived_from_the_range()
    {
        var context = Context();
        var sql = GrafanaMacros.Expand("$__timeInterval(minute) AS time, $__interval_s", context);

        Assert.Equal(1440, context.Interval.TotalSeconds); // 8 days over 500 points, rounded up to whole minutes
        Assert.Equal("toStartOfInterval(toDateTime(minute), INTERVAL 1440 second) AS time, 1440", sql);
    }

    [Fact]
    public void Conditional_all_is_always_true_when_all_is_chosen()
    {
        var sql = GrafanaMacros.Expand("WHERE $__conditionalAll(channel IN (${channel:singlequote}), $channel)", Context());

        Assert.Equal("WHERE 1=1", sql);
    }

    [Fact]
    public void Conditional_all_keeps_the_condition_with_the_chosen_values_quoted()
    {
        var sql = GrafanaMacros.Expand(
            "WHERE $__conditionalAll(substring(entity, 9) IN (${channel:singlequote}), $channel)", Context(VariableSelection.Of("webstore", "o'brien")));

        Assert.Equal(@"WHERE substring(entity, 9) IN ('webstore','o\'brien')", sql);
    }

    [Fact]
    public void A_single_value_substitutes_bare_and_all_expands_to_every_option()
    {
        Assert.Equal("x = stores", GrafanaMacros.Expand("x = $channel", Context(VariableSelection.Of("stores"))));
        Assert.Equal("IN ('stores','webstore')", GrafanaMacros.Expand("IN (${channel:singlequote})", Context()));
        Assert.Equal("IN ('it''s')", GrafanaMacros.Expand("IN (${channel:sqlstring})", Context(VariableSelection.Of("it's"))));
        Assert.Equal(@"IN ('a\\','b')", GrafanaMacros.Expand("IN (${channel:sqlstring})", Context(VariableSelection.Of(@"a\", "b"))));
        Assert.Equal(@"IN ('a\\','b')", GrafanaMacros.Expand("IN (${channel:singlequote})", Context(VariableSelection.Of(@"a\", "b"))));
    }

    [Fact]
    public void Several_values_without_a_format_are_refused_rather_than_guessed()
    {
        Assert.Throws<NotSupportedException>(() => GrafanaMacros.Expand("x IN ($channel)", Context()));
    }

    [Fact]
    public void An_unsupported_macro_or_an_undefined_variable_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => GrafanaMacros.Expand("WHERE $__dateFilter(day)", Context()));
        Assert.Throws<ArgumentException>(() => GrafanaMacros.Expand("WHERE location = $location", Context()));
    }

    [Fact]
    public void Every_dashboard_query_expands_with_all_chosen_and_with_one_value_chosen()
    {
        foreach (var dashboard in Provisioning.Dashboards)
        {
            foreach (var selection in new[] { VariableSelection.All(["a", "b"]), VariableSelection.Of("a") })
            {
                var context = QueryContext.For(From, To, dashboard.Variables.ToDictionary(v => v.Name, _ => selection));
                foreach (var sql in dashboard.Panels.SelectMany(p => p.Targets).Select(t => t.RawSql).Concat(dashboard.Variables.Select(v => v.Query)))
                {
                    Assert.DoesNotContain("$", GrafanaMacros.Expand(sql, context), StringComparison.Ordinal);
                }
            }
        }
    }
}
