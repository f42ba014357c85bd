using Intelligence.Processors.Flow;
using Intelligence.Processors.Inventory;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>The per-key state kept small: lists sized to what they hold, tables grown by a quarter, text not re-taken.</summary>
public sealed class CompactStateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_journal_starts_with_room_for_one_entry_and_is_gone_once_a_count_settles_it()
    {
        var position = new StockPosition { JournalFrom = Noon.AddDays(-1) };

        CountJournal.Move(position, Noon, -2);
        Assert.Equal((1, 1), (position.Journal!.Count, position.Journal.Capacity));

        CountJournal.Move(position, Noon.AddMinutes(5), -1);
        Assert.Equal(2, position.Journal.Count);

        var (outcome, _) = CountJournal.Count(position, Noon.AddMinutes(10), 40);
        Assert.Equal(CountOutcome.Applied, outcome);
        Assert.Null(position.Journal);

        CountJournal.Move(position, Noon.AddMinutes(20), 3);
        Assert.Equal(43, position.OnHand);
        Assert.Equal([(Noon.AddMinutes(20), 3)], position.Journal!.Select(e => (e.At, e.Units)));
    }

    [Fact]
    public void Forgetting_keeps_the_later_entries_and_says_none_when_none_is_left()
    {
        var entries = TimedUnits.Add(TimedUnits.Add(null, Noon, 1), Noon.AddHours(1), 2);

        Assert.Same(entries, TimedUnits.ForgetThrough(entries, Noon));
        Assert.Equal([2], entries.Select(e => e.Units));
        Assert.Same(entries, TimedUnits.ForgetBefore(entries, Noon.AddHours(1)));
        Assert.Null(TimedUnits.ForgetThrough(entries, Noon.AddHours(1)));
        Assert.Null(TimedUnits.ForgetBefore(null, Noon));
    }

    [Fact]
    public void Adjustments_past_the_window_leave_no_list_behind()
    {
        var position = new StockPosition();

        StockHealth.RecordAdjustment(position, Noon, -4, Noon);
        Assert.Equal([4], position.Adjustments!.Select(a => a.Units));

        StockHealth.RecordAdjustment(position, Noon.AddDays(31), 0, Noon.AddDays(31));
        Assert.Null(position.Adjustments);
    }

    [Theory]
    [InlineData(20, 28)]
    [InlineData(40, 53)]
    public void A_skus_location_table_grows_by_a_quarter_not_by_doubling(int locations, int bound)
    {
        var state = new ChannelAtsState();
        for (var i = 0; i < locations; i++)
        {
            state.SetLocationAts($"LOC-{i:00}", i);
        }

        state.SetLocationAts("LOC-00", 99);

        Assert.Equal(locations, state.LocationAts.Count);
        Assert.Equal(99, state.LocationAts["LOC-00"]);
        Assert.Equal(locations - 1, state.LocationAts[$"LOC-{locations - 1:00}"]);
        Assert.InRange(state.LocationAts.EnsureCapacity(0), locations, bound); // doubling leaves 37 and 89
    }

    [Fact]
    public void State_read_back_from_json_is_as_compact_as_a_fold_leaves_it()
    {
        var position = new StockPosition { JournalFrom = Noon.AddDays(-1) };
        CountJournal.Move(position, Noon, -2);
        StockHealth.RecordAdjustment(position, Noon, 3, Noon);
        position.PicksByDay = [];
        var channels = new ChannelAtsState();
        for (var i = 0; i < 20; i++)
        {
            channels.SetLocationAts($"LOC-{i:00}", i);
        }

        var back = (StockPosition)StateJson.Read(StateJson.Write(position, typeof(StockPosition)), typeof(StockPosition));
        var channelsBack = (ChannelAtsState)StateJson.Read(StateJson.Write(channels, typeof(ChannelAtsState)), typeof(ChannelAtsState));

        Assert.Equal((1, 1), (back.Journal!.Count, back.Journal.Capacity)); // the reader makes lists with room for four
        Assert.Equal(1, back.Adjustments!.Capacity);
        Assert.Null(back.PicksByDay);
        Assert.Equal(20, channelsBack.LocationAts.Count);
        Assert.InRange(channelsBack.LocationAts.EnsureCapacity(0), 20, 28); // the reader grows it by doubling, to 37
        Assert.Equal(19, channelsBack.LocationAts["LOC-19"]);
    }

    [Fact]
    public void Text_that_reads_the_same_is_kept_as_held()
    {
        var held = new string("SKU-0001".AsSpan());
        var same = new string("SKU-0001".AsSpan());

        Assert.Same(held, KeptText.Keep(held, same));
        Assert.Same(same, KeptText.Keep("", same));
        Assert.Equal("SKU-0002", KeptText.Keep(held, "SKU-0002"));
    }
}
