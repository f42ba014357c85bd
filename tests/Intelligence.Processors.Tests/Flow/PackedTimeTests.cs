using System.Text.Json;
using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Flow;

public sealed class PackedTimeTests
{
    private static readonly DateTimeOffset EastOfUtc = new(2026, 11, 27, 9, 30, 15, 250, TimeSpan.FromHours(2));

    [Fact]
    public void None_is_null_and_the_earliest_instant_is_not_none()
    {
        Assert.Null(PackedTime.None.OrNull);
        Assert.Null(PackedTime.Of((DateTimeOffset?)null).OrNull);
        Assert.Equal(DateTimeOffset.MinValue, PackedTime.Of(DateTimeOffset.MinValue).OrNull);
        Assert.Equal(DateTimeOffset.MinValue, default(PackedTime).Instant);
    }

    [Fact]
    public void An_instant_comes_back_the_same_instant_in_utc_to_the_tick()
    {
        var packed = PackedTime.Of(EastOfUtc.AddTicks(7));

        Assert.Equal(EastOfUtc.AddTicks(7), packed.Instant);
        Assert.Equal(TimeSpan.Zero, packed.Instant.Offset);
        Assert.Equal(EastOfUtc.UtcTicks + 7, packed.OrNull!.Value.UtcTicks);
    }

    [Fact]
    public void A_stock_position_keeps_its_times_and_their_absence_through_its_json()
    {
        var position = new StockPosition { LastCountAt = EastOfUtc, UpdatedAt = EastOfUtc.AddHours(1), JournalFrom = EastOfUtc.AddDays(-1) };
        position.Journal = [new TimedUnits { At = EastOfUtc.AddMinutes(5), Units = -3 }];

        var back = JsonSerializer.Deserialize<StockPosition>(JsonSerializer.Serialize(position))!;

        Assert.Equal(EastOfUtc, back.LastCountAt);
        Assert.Equal((EastOfUtc.AddHours(1), EastOfUtc.AddDays(-1)), (back.UpdatedAt, back.JournalFrom));
        Assert.Equal((EastOfUtc.AddMinutes(5), -3), (back.Journal![0].At, back.Journal[0].Units));
        Assert.Null(back.FirstSeenAt);
        Assert.Null(back.LastReceiptAt);
        Assert.Null(back.LastPickAt);
        Assert.Null(back.OversellDueAt);
        Assert.Equal(DateTimeOffset.MinValue, new StockPosition().JournalFrom);
    }

    [Fact]
    public void Picks_on_the_same_day_add_to_one_entry()
    {
        var position = new StockPosition();
        var now = EastOfUtc;

        StockHealth.RecordPick(position, now, 2, now, windowDays: 14);
        StockHealth.RecordPick(position, now.AddHours(3), 5, now.AddHours(3), windowDays: 14);
        StockHealth.RecordPick(position, now.AddDays(1), 1, now.AddDays(1), windowDays: 14);

        Assert.Equal([(StockHealth.DayOf(now), 7), (StockHealth.DayOf(now.AddDays(1)), 1)],
            position.PicksByDay!.Select(day => (day.At, day.Units)));
    }
}
