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

public sealed class DuplicateFilterWindowTests
{
    [Fact]
    public void The_window_holds_the_last_claims_in_order_whatever_was_released_on_the_way()
    {
        const int capacity = 50;
        var filter = new DuplicateFilter(capacity);
        var claims = Enumerable.Range(0, 200).Select(i => $"order-{i}").ToList();
        foreach (var (id, i) in claims.Select((id, i) => (id, i)))
        {
            filter.TryClaim(id);
            if (i % 7 == 0)
            {
                filter.Release(id);
            }
            else
            {
                filter.Confirm(id);
            }
        }

        var expected = claims.Skip(200 - capacity).Where((_, i) => (i + 200 - capacity) % 7 != 0).ToList();
        Assert.Equal(expected, filter.Remembered());
        Assert.Equal(expected.Count, filter.Count);
        Assert.Equal(ClaimStatus.Duplicate, filter.TryClaim(expected[0]).Status);
        Assert.Equal(ClaimStatus.Claimed, filter.TryClaim(claims[200 - capacity - 1]).Status);
    }

    [Fact]
    public void A_window_restored_from_a_checkpoint_remembers_what_it_was_given()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"return-{i}").ToList();
        var filter = new DuplicateFilter(25);
        filter.Remember(ids);

        Assert.Equal(ids.Skip(15), filter.Remembered());
        Assert.Equal(ClaimStatus.Duplicate, filter.TryClaim("return-39").Status);
        Assert.Equal(ClaimStatus.Claimed, filter.TryClaim("return-0").Status);
    }
}

