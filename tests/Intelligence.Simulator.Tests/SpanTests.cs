namespace Intelligence.Simulator.Tests;

/// <summary>How long a run covers: it grows with its inputs up to 120 days, or it is told.</summary>
public class SpanTests
{
    [Fact]
    public void A_run_told_its_days_covers_them_and_one_not_told_covers_what_its_inputs_make()
    {
        var told = LastEventAt(new SimulationOptions { Events = 30_000, Days = 20 });
        var grown = LastEventAt(new SimulationOptions { Events = 30_000 });
        var start = new SimulationOptions().Start;

        Assert.InRange((told - start).TotalDays, 15, 22);
        Assert.InRange((grown - start).TotalDays, 6, 9);
    }

    [Fact]
    public void The_usual_days_keep_ten_thousand_inputs_a_day_past_the_ceiling()
    {
        Assert.Equal(1_000, SimulationOptions.UsualDays(10_000_000));
        Assert.Equal(100, SimulationOptions.UsualDays(1_000_000));
        Assert.Equal(7, SimulationOptions.UsualDays(1_000));
        Assert.Equal(TimeSpan.FromDays(120), new SimulationOptions { Events = 10_000_000 }.Span);
        Assert.Equal(TimeSpan.FromDays(1_000), new SimulationOptions { Events = 10_000_000, Days = 1_000 }.Span);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_651)]
    public void Days_outside_one_to_ten_years_are_refused_by_name(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RetailSimulator(new SimulationOptions { Events = 1_000, Days = days }));
        Assert.Equal("Days", error.ParamName);
    }

    private static DateTimeOffset LastEventAt(SimulationOptions options)
    {
        var simulator = new RetailSimulator(options);
        var last = DateTimeOffset.MinValue;
        foreach (var input in simulator.Generate())
        {
            var text = System.Text.Encoding.UTF8.GetString(input.Json);
            var at = text.IndexOf("\"occurredAt\":\"", StringComparison.Ordinal);
            if (at >= 0 && DateTimeOffset.TryParse(text.AsSpan(at + 14, 20), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var time) && time > last)
            {
                last = time;
            }
        }

        return last;
    }
}
