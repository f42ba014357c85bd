using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Flow;

public sealed class TimersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_armed_again_fires_once_at_its_latest_time()
    {
        var timers = new Timers();
        timers.Set(0, "SKU-1|DC-1", T0.AddMinutes(5));
        timers.Set(0, "SKU-1|DC-1", T0.AddMinutes(20));

        Assert.Empty(Due(timers, T0.AddMinutes(10)));
        Assert.Equal([(T0.AddMinutes(20), 0, "SKU-1|DC-1")], Due(timers, T0.AddMinutes(30)));
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void A_key_armed_earlier_again_fires_at_the_earlier_time_and_not_again_later()
    {
        var timers = new Timers();
        timers.Set(0, "order-1", T0.AddMinutes(20));
        timers.Set(0, "order-1", T0.AddMinutes(5));

        Assert.Equal([(T0.AddMinutes(5), 0, "order-1")], Due(timers, T0.AddMinutes(10)));
        Assert.Empty(Due(timers, T0.AddMinutes(30)));
    }

    [Fact]
    public void A_disarmed_key_never_fires()
    {
        var timers = new Timers();
        timers.Set(1, "order-1", T0.AddMinutes(5));
        timers.Set(1, "order-1", null);

        Assert.Empty(Due(timers, T0.AddDays(1)));
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void Due_timers_fire_earliest_first_then_by_fold_then_by_key()
    {
        var timers = new Timers();
        timers.Set(2, "b", T0.AddMinutes(1));
        timers.Set(1, "z", T0.AddMinutes(1));
        timers.Set(2, "a", T0.AddMinutes(1));
        timers.Set(0, "late", T0.AddMinutes(2));

        Assert.Equal(
            [(T0.AddMinutes(1), 1, "z"), (T0.AddMinutes(1), 2, "a"), (T0.AddMinutes(1), 2, "b"), (T0.AddMinutes(2), 0, "late")],
            Due(timers, T0.AddMinutes(5)));
    }

    [Fact]
    public void Keys_armed_again_many_times_each_fire_once_at_their_last_time()
    {
        var timers = new Timers();
        for (var round = 0; round < 50; round++)
        {
            for (var k = 0; k < 100; k++)
            {
                timers.Set(0, $"node-{k:D3}", T0.AddMinutes(1000 - (round * 10) + k));
            }
        }

        for (var k = 0; k < 100; k += 2)
        {
            timers.Set(0, $"node-{k:D3}", null);
        }

        Assert.Equal(50, timers.Count);
        var fired = Due(timers, T0.AddDays(2));
        Assert.Equal(Enumerable.Range(0, 100).Where(k => k % 2 == 1).Select(k => (T0.AddMinutes(510 + k), 0, $"node-{k:D3}")), fired);
        Assert.Equal(0, timers.Count);
    }

    private static List<(DateTimeOffset, int, string)> Due(Timers timers, DateTimeOffset now)
    {
        var fired = new List<(DateTimeOffset, int, string)>();
        while (timers.TryTakeDue(now, out var due, out var fold, out var key))
        {
            fired.Add((due, fold, key));
        }

        return fired;
    }
}
