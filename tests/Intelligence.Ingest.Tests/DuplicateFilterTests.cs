namespace Intelligence.Ingest.Tests;

public sealed class DuplicateFilterTests
{
    [Fact]
    public void An_id_is_claimed_once_within_the_window()
    {
        var filter = new DuplicateFilter(10);

        Assert.True(filter.TryClaim("a"));
        Assert.False(filter.TryClaim("a"));
    }

    [Fact]
    public void The_window_forgets_the_oldest_ids_and_stays_bounded()
    {
        var filter = new DuplicateFilter(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            filter.TryClaim(id);
        }

        Assert.Equal(3, filter.Count);
        Assert.True(filter.TryClaim("a"));
        Assert.False(filter.TryClaim("d"));
    }
}

public sealed class DuplicateFilterReleaseTests
{
    [Fact]
    public void A_released_and_reclaimed_id_keeps_its_full_window()
    {
        var filter = new DuplicateFilter(3);
        filter.TryClaim("a");
        filter.Release("a");
        filter.TryClaim("a");
        filter.TryClaim("b");
        filter.TryClaim("c");

        Assert.False(filter.TryClaim("a"));
        Assert.Equal(3, filter.Count);
    }
}
