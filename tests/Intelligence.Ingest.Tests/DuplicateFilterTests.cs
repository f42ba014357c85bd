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
