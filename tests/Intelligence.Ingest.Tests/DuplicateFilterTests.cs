namespace Intelligence.Ingest.Tests;

public sealed class DuplicateFilterTests
{
    /// <summary>Claims and confirms at once, as a successful append would.</summary>
    internal static ClaimStatus Claim(DuplicateFilter filter, string id)
    {
        var claim = filter.TryClaim(id);
        if (claim.Status == ClaimStatus.Claimed)
        {
            filter.Confirm(id);
        }

        return claim.Status;
    }

    [Fact]
    public void A_copy_of_an_event_being_logged_waits_for_its_outcome()
    {
        var filter = new DuplicateFilter(10);
        filter.TryClaim("a");

        var copy = filter.TryClaim("a");
        Assert.Equal(ClaimStatus.InFlight, copy.Status);
        Assert.False(copy.Settled.IsCompleted);

        filter.Release("a");
        Assert.True(copy.Settled.IsCompleted);
        Assert.Equal(ClaimStatus.Claimed, filter.TryClaim("a").Status);
    }

    [Fact]
    public void An_id_is_claimed_once_within_the_window()
    {
        var filter = new DuplicateFilter(10);

        Assert.Equal(ClaimStatus.Claimed, Claim(filter, "a"));
        Assert.Equal(ClaimStatus.Duplicate, Claim(filter, "a"));
    }

    [Fact]
    public void The_window_forgets_the_oldest_ids_and_stays_bounded()
    {
        var filter = new DuplicateFilter(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Claim(filter, id);
        }

        Assert.Equal(3, filter.Count);
        Assert.Equal(ClaimStatus.Claimed, Claim(filter, "a"));
        Assert.Equal(ClaimStatus.Duplicate, Claim(filter, "d"));
    }
}

public sealed class DuplicateFilterReleaseTests
{
    private static ClaimStatus Claim(DuplicateFilter filter, string id) => DuplicateFilterTests.Claim(filter, id);

    [Fact]
    public void A_released_and_reclaimed_id_keeps_its_full_window()
    {
        var filter = new DuplicateFilter(3);
        filter.TryClaim("a");
        filter.Release("a");
        Claim(filter, "a");
        Claim(filter, "b");
        Claim(filter, "c");

        Assert.Equal(ClaimStatus.Duplicate, Claim(filter, "a"));
        Assert.Equal(3, filter.Count);
    }
}
